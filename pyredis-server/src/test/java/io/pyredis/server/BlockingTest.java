package io.pyredis.server;

import io.pyredis.testkit.TestSpecs;
import io.pyredis.testkit.RawClient;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandPack;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisString;
import io.pyredis.api.SpiVersion;
import io.pyredis.core.client.Client;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.storage.EncodingLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's blocking machinery through a plugin's own blocking command, as the SPI
 * offers it: WAITFOR key waits until the string at key is "go", then deletes it.
 */
class BlockingTest {

    static PyRedisServer server;

    /** {@code WAITFOR key timeout-ms}: replies "go" once key holds "go" (and deletes it). */
    static final class WaitForCommand implements BlockingCommand {
        private static final CommandSpec SPEC = TestSpecs.of("waitfor", 3,
                Set.of(CommandFlag.WRITE, CommandFlag.BLOCKING), KeySpec.single(1));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            RedisString v = ctx.db().get(args[1], RedisString.class);
            if (v != null && new String(v.bytes()).equals("go")) {
                ctx.db().delete(args[1]);
                ctx.reply().bulk("go");
            } else if (!ctx.block(new byte[][] {args[1]}, Long.parseLong(new String(args[2])))) {
                ctx.reply().simple("CANNOT");
            }
        }

        @Override
        public void timeout(CommandContext ctx, byte[][] args) {
            ctx.reply().simple("TIMEOUT");
        }
    }

    /** A plain command that tries to block: refused. */
    static final class TryBlockCommand implements Command {
        private static final CommandSpec SPEC = TestSpecs.of("tryblock", 2, Set.of(CommandFlag.READONLY), KeySpec.single(1));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public void execute(CommandContext ctx, byte[][] args) {
            ctx.reply().integer(ctx.block(new byte[][] {args[1]}, 0) ? 1 : 0);
        }
    }

    @BeforeAll
    static void start() {
        CommandPack pack = new CommandPack() {
            @Override
            public String name() {
                return "blocking-test";
            }

            @Override
            public int spiVersion() {
                return SpiVersion.CURRENT;
            }

            @Override
            public List<Command> commands() {
                return List.of(new WaitForCommand(), new TryBlockCommand());
            }
        };
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("list-max-listpack-size", "7").addPack(pack).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void awaitBlocked(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.blockedClients() != n) {
            if (System.nanoTime() > until) {
                throw new AssertionError("expected " + n + " blocked, have " + server.blockedClients());
            }
            Thread.sleep(2);
        }
    }

    private static <T> T onLoop(java.util.concurrent.Callable<T> task) throws Exception {
        return server.runOnLoop(task);
    }

    /** The id of the one blocked client. */
    private static long blockedId() throws Exception {
        return onLoop(() -> {
            for (Client s : server.context().clients().all()) {
                if (s.isBlocked()) {
                    return s.id();
                }
            }
            throw new AssertionError("nobody blocked");
        });
    }

    @Test
    void aPlainCommandCannotBlock() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("TRYBLOCK", "k"));
            assertEquals(":0\r\n", c.readLike(":0\r\n"));
        }
    }

    @Test
    void servedWhenTheKeyChangesAndKeepsItsPlaceWhenItBlocksAgain() throws Exception {
        try (RawClient a = new RawClient(server.port()); RawClient b = new RawClient(server.port());
             RawClient setter = new RawClient(server.port())) {
            a.send(command("WAITFOR", "w", "0"));
            awaitBlocked(1);
            b.send(command("WAITFOR", "w", "0"));
            awaitBlocked(2);
            setter.send(command("SET", "w", "not yet"));
            assertEquals("+OK\r\n", setter.readLike("+OK\r\n"));
            assertEquals(2, server.blockedClients(), "both ran again and blocked again");
            setter.send(command("SET", "w", "go"));
            assertEquals("+OK\r\n", setter.readLike("+OK\r\n"));
            assertEquals("$2\r\ngo\r\n", a.readLike("$2\r\ngo\r\n"), "the first in line is served");
            assertEquals(1, server.blockedClients());
            setter.send(command("SET", "w", "go"));
            assertEquals("+OK\r\n", setter.readLike("+OK\r\n"));
            assertEquals("$2\r\ngo\r\n", b.readLike("$2\r\ngo\r\n"));
            awaitBlocked(0);
        }
    }

    @Test
    void timeoutCallsTheCommandsTimeoutReply() throws Exception {
        try (RawClient a = new RawClient(server.port())) {
            a.send(command("WAITFOR", "never", "20") + command("PING"));
            assertEquals("+TIMEOUT\r\n+PONG\r\n", a.readLike("+TIMEOUT\r\n+PONG\r\n"));
        }
    }

    @Test
    void clientUnblockAsTimeoutOrErrorAndTheBlockedClientIsVisible() throws Exception {
        try (RawClient a = new RawClient(server.port()); RawClient admin = new RawClient(server.port())) {
            a.send(command("WAITFOR", "u", "0"));
            awaitBlocked(1);
            long id = blockedId();
            admin.send(command("INFO", "clients"));
            String info = admin.readBulk();
            assertTrue(info.contains("blocked_clients:1\r\n"), info);
            admin.send(command("CLIENT", "LIST", "ID", Long.toString(id)));
            String list = admin.readBulk();
            assertTrue(list.contains(" flags=b "), "CLIENT LIST shows the b flag: " + list);

            admin.send(command("CLIENT", "UNBLOCK", Long.toString(id), "nonsense"));
            String badReason = "-ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR\r\n";
            assertEquals(badReason, admin.readLike(badReason));
            admin.send(command("CLIENT", "UNBLOCK", Long.toString(id)));
            assertEquals(":1\r\n", admin.readLike(":1\r\n"));
            assertEquals("+TIMEOUT\r\n", a.readLike("+TIMEOUT\r\n"));
            assertEquals(0, server.blockedClients());
            admin.send(command("CLIENT", "UNBLOCK", Long.toString(id), "TIMEOUT")
                    + command("CLIENT", "UNBLOCK", "123456789", "ERROR"));
            assertEquals(":0\r\n:0\r\n", admin.readLike(":0\r\n:0\r\n"), "not blocked any more; no such client");

            a.send(command("WAITFOR", "u", "0") + command("PING"));
            awaitBlocked(1);
            admin.send(command("CLIENT", "UNBLOCK", Long.toString(id), "ERROR"));
            assertEquals(":1\r\n", admin.readLike(":1\r\n"));
            String expected = "-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n+PONG\r\n";
            assertEquals(expected, a.readLike(expected));
        }
    }

    @Test
    void encodingLimitsComeFromTheConfigAndFollowChanges() throws Exception {
        ServerContext ctx = server.context();
        assertEquals(7, (int) onLoop(() -> ctx.keyspace().encodingLimits().listMaxListpackSize));
        assertEquals(512, (int) onLoop(() -> ctx.keyspace().encodingLimits().hashMaxListpackEntries));

        ServerConfig config = new ServerConfig();
        EncodingLimits limits = new EncodingLimits();
        config.bindEncodingLimits(limits);
        // Set by their ziplist aliases too; Redis 7.0 has no listpack sets (set-max-listpack-* is 7.2's).
        String[][] settings = {{"list-max-ziplist-size", "-5"}, {"hash-max-listpack-entries", "1"},
                {"hash-max-ziplist-value", "2"}, {"set-max-intset-entries", "3"}, {"zset-max-listpack-entries", "6"},
                {"zset-max-ziplist-value", "7"}};
        for (String[] s : settings) {
            config.registry.set(s[0], s[1], "test");
            assertEquals(s[1], config.registry.get(s[0]));
        }
        assertEquals(List.of(-5, 1, 2, 3, 6, 7), List.of(limits.listMaxListpackSize,
                limits.hashMaxListpackEntries, limits.hashMaxListpackValue, limits.setMaxIntsetEntries,
                limits.zsetMaxListpackEntries, limits.zsetMaxListpackValue));
        assertNull(config.registry.find("set-max-listpack-entries"), "Redis 7.2's name, not 7.0's");
    }
}
