package io.pyredis.server;

import io.pyredis.testkit.TestSpecs;
import io.pyredis.testkit.RawClient;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandPack;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.PackContext;
import io.pyredis.api.SpiVersion;
import io.pyredis.storage.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Keyspace notifications (notify-keyspace-events) and the plugin SPI: a pack that emits
 * events from its command, listens to keyspace events in-process and publishes.
 */
class NotificationsTest {

    static final ManualClock CLOCK = new ManualClock(1_700_000_000_000L);
    static final BlockingQueue<String> HEARD = new LinkedBlockingQueue<>();
    static PyRedisServer server;

    /** A plugin: TOUCHME key emits a module event; it relays del and expired events to a channel. */
    static final class EventPack implements CommandPack {
        @Override
        public String name() {
            return "eventpack";
        }

        @Override
        public int spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public List<Command> commands() {
            return List.of(new Command() {
                private final CommandSpec spec = TestSpecs.of("touchme", 2, Set.of(CommandFlag.WRITE), KeySpec.single(1));

                @Override
                public CommandSpec spec() {
                    return spec;
                }

                @Override
                public void execute(CommandContext ctx, byte[][] args) {
                    ctx.notifyKeyspaceEvent(KeyspaceEvent.MODULE, "touched", args[1]);
                    ctx.reply().integer(ctx.publish("touch-log".getBytes(StandardCharsets.US_ASCII), args[1]));
                }
            });
        }

        @Override
        public void start(PackContext ctx) {
            ctx.onKeyspaceEvent(Set.of(KeyspaceEvent.EXPIRED, KeyspaceEvent.GENERIC), (type, event, db, key) -> {
                if (!event.equals("del") && !event.equals("expired")) {
                    return;
                }
                HEARD.add(type + " " + event + " " + db + " " + new String(key, StandardCharsets.UTF_8));
                ctx.publish("relay".getBytes(StandardCharsets.US_ASCII), key);
            });
        }
    }

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").set("hz", "1").clock(CLOCK)
                .addPack(new EventPack()).addPack(new TestKeyCommands()).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.flushAll();
            j.configSet("notify-keyspace-events", "");
        }
        HEARD.clear();
    }

    @Test
    void configTakesRedisLettersAndShowsThemNormalised() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("CONFIG", "SET", "notify-keyspace-events", "KEA")
                    + command("CONFIG", "GET", "notify-keyspace-events")
                    + command("CONFIG", "SET", "notify-keyspace-events", "gxK")
                    + command("CONFIG", "GET", "notify-keyspace-events")
                    + command("CONFIG", "SET", "notify-keyspace-events", "nmAtd")
                    + command("CONFIG", "GET", "notify-keyspace-events")
                    + command("CONFIG", "SET", "notify-keyspace-events", "Q"));
            // Recorded from redis-server 7.0.15 ('n' is not shown next to 'A', as there).
            String expected = "+OK\r\n*2\r\n$22\r\nnotify-keyspace-events\r\n$3\r\nAKE\r\n"
                    + "+OK\r\n*2\r\n$22\r\nnotify-keyspace-events\r\n$3\r\ngxK\r\n"
                    + "+OK\r\n*2\r\n$22\r\nnotify-keyspace-events\r\n$2\r\nAm\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - Invalid event "
                    + "class character. Use 'Ag$lshzxeKEtmdn'.\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void setDelExpireAndExpiredWithKEA() throws Exception {
        try (RawClient sub = new RawClient(server.port()); Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.configSet("notify-keyspace-events", "KEA");
            sub.send(command("PSUBSCRIBE", "__key*@0__:*"));
            sub.readUntil(":1\r\n");
            j.set("k", "v");
            j.set("t", "v", redis.clients.jedis.params.SetParams.setParams().px(1000));
            j.sendCommand(() -> "XDEL".getBytes(StandardCharsets.US_ASCII), "k");
            CLOCK.advance(2000);
            assertNull(j.get("t")); // lazy expiry
            String expected = pm("__keyspace@0__:k", "set") + pm("__keyevent@0__:set", "k")
                    + pm("__keyspace@0__:t", "set") + pm("__keyevent@0__:set", "t")
                    + pm("__keyspace@0__:t", "expire") + pm("__keyevent@0__:expire", "t")
                    + pm("__keyspace@0__:k", "del") + pm("__keyevent@0__:del", "k")
                    + pm("__keyspace@0__:t", "expired") + pm("__keyevent@0__:expired", "t");
            assertEquals(expected, sub.readLike(expected));
        }
    }

    private static String pm(String channel, String message) {
        return "*4\r\n$8\r\npmessage\r\n$12\r\n__key*@0__:*\r\n$" + channel.length() + "\r\n" + channel + "\r\n$"
                + message.length() + "\r\n" + message + "\r\n";
    }

    @Test
    void onlyEnabledClassesAndKindsArePublishedAndNewKeysWithN() throws Exception {
        try (RawClient sub = new RawClient(server.port()); Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.configSet("notify-keyspace-events", "Exn"); // keyevent only; expired and new only
            sub.send(command("PSUBSCRIBE", "*"));
            sub.readUntil(":1\r\n");
            j.set("a", "1"); // new, but no set event ('$' is off)
            j.set("a", "2"); // nothing
            j.set("b", "1", redis.clients.jedis.params.SetParams.setParams().px(10));
            CLOCK.advance(100);
            try (Jedis other = new Jedis("127.0.0.1", server.port())) {
                other.select(3);
                other.set("c", "x");
            }
            String expected = "*4\r\n$8\r\npmessage\r\n$1\r\n*\r\n$18\r\n__keyevent@0__:new\r\n$1\r\na\r\n"
                    + "*4\r\n$8\r\npmessage\r\n$1\r\n*\r\n$18\r\n__keyevent@0__:new\r\n$1\r\nb\r\n"
                    + "*4\r\n$8\r\npmessage\r\n$1\r\n*\r\n$18\r\n__keyevent@3__:new\r\n$1\r\nc\r\n";
            assertEquals(expected, sub.readLike(expected));
            assertNull(j.get("b"));
            // The plugin's listener hears it first (and relays it), as modules do in Redis.
            expected = "*4\r\n$8\r\npmessage\r\n$1\r\n*\r\n$5\r\nrelay\r\n$1\r\nb\r\n"
                    + "*4\r\n$8\r\npmessage\r\n$1\r\n*\r\n$22\r\n__keyevent@0__:expired\r\n$1\r\nb\r\n";
            assertEquals(expected, sub.readLike(expected));
        }
    }

    @Test
    void activeExpiryNotifiesToo() throws Exception {
        try (RawClient sub = new RawClient(server.port()); Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.configSet("notify-keyspace-events", "Kx");
            sub.send(command("SUBSCRIBE", "__keyspace@0__:gone"));
            sub.readUntil(":1\r\n");
            j.set("gone", "v", redis.clients.jedis.params.SetParams.setParams().px(10));
            CLOCK.advance(1000);
            // Nobody reads the key: the active cycle (hz 1) finds it.
            String expected = "*3\r\n$7\r\nmessage\r\n$19\r\n__keyspace@0__:gone\r\n$7\r\nexpired\r\n";
            assertEquals(expected, sub.readLike(expected));
        }
    }

    @Test
    void pluginEmitsListensAndPublishes() throws Exception {
        try (RawClient sub = new RawClient(server.port()); Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.configSet("notify-keyspace-events", "Kd");
            sub.send(command("SUBSCRIBE", "__keyspace@0__:mine", "touch-log", "relay"));
            sub.readUntil(":3\r\n");
            assertEquals(1L, j.sendCommand(() -> "TOUCHME".getBytes(StandardCharsets.US_ASCII), "mine"));
            String expected = "*3\r\n$7\r\nmessage\r\n$19\r\n__keyspace@0__:mine\r\n$7\r\ntouched\r\n"
                    + "*3\r\n$7\r\nmessage\r\n$9\r\ntouch-log\r\n$4\r\nmine\r\n";
            assertEquals(expected, sub.readLike(expected));
            // Listeners hear their classes whatever the config says ('g' and 'x' are off here).
            j.set("x", "1");
            j.sendCommand(() -> "XDEL".getBytes(StandardCharsets.US_ASCII), "x");
            j.set("y", "1", redis.clients.jedis.params.SetParams.setParams().px(10));
            CLOCK.advance(100);
            assertNull(j.get("y"));
            assertEquals("GENERIC del 0 x", HEARD.poll(10, TimeUnit.SECONDS));
            assertEquals("EXPIRED expired 0 y", HEARD.poll(10, TimeUnit.SECONDS));
            expected = "*3\r\n$7\r\nmessage\r\n$5\r\nrelay\r\n$1\r\nx\r\n*3\r\n$7\r\nmessage\r\n$5\r\nrelay\r\n$1\r\ny\r\n";
            assertEquals(expected, sub.readLike(expected));
        }
    }
}
