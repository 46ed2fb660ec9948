package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandPack;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.api.Reply;
import io.pyredis.api.Session;
import io.pyredis.protocol.RespWriter;
import io.pyredis.storage.EncodingLimits;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.ManualClock;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs this pack's commands as the server would: found through ServiceLoader, arity checked
 * first, over a real {@link Keyspace} with a {@link ManualClock}, replies encoded by the real
 * {@link RespWriter}, errors turned into error replies. Each call returns the exact RESP bytes a client would read (as ISO-8859-1 text).
 */
final class Harness implements CommandContext {

    /** 2021-01-01T00:00:00Z: far from 0 so that past deadlines like PXAT 1 are really past. */
    static final long START = 1_609_459_200_000L;

    final ManualClock clock = new ManualClock(START);
    final Keyspace keyspace = new Keyspace(16, clock);
    /** The keyspace's thresholds, as CONFIG SET would change them. */
    final EncodingLimits limits = keyspace.encodingLimits();
    final Map<String, String> config = new HashMap<>();
    private final Map<String, Command> commands = new HashMap<>();
    private RespWriter reply;
    private int protocol = 2;

    Harness() {
        for (CommandPack pack : ServiceLoader.load(CommandPack.class)) {
            for (Command c : pack.commands()) {
                commands.put(c.spec().name(), c);
            }
        }
    }

    Harness resp3() {
        protocol = 3;
        return this;
    }

    Command command(String name) {
        return commands.get(name);
    }

    /** The reply to one request; arguments are UTF-8. */
    String call(String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return call(argv);
    }

    String call(byte[]... argv) {
        String name = new String(argv[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        Command c = commands.get(name);
        reply = new RespWriter(protocol);
        keyspace.refreshTime();
        if (c == null) {
            return "-ERR unknown command\r\n";
        }
        if (!c.spec().acceptsArgc(argv.length)) {
            return "-ERR wrong number of arguments for '" + name + "' command\r\n";
        }
        try {
            c.execute(this, argv);
        } catch (RedisError e) {
            if (reply.size() != 0) {
                throw new AssertionError("error thrown after part of a reply was written: " + e.getMessage());
            }
            reply.error(e);
        }
        return new String(reply.buffer(), 0, reply.size(), StandardCharsets.ISO_8859_1);
    }

    /** Stores a string, for WRONGTYPE tests. */
    void storeString(String key) {
        db().set(b(key), RedisString.of(b("text")));
    }

    /** The encoding of the value at {@code key}, as OBJECT ENCODING reports it; null when there is none. */
    String encoding(String key) {
        RedisValue v = db().get(b(key));
        return v == null ? null : v.encoding();
    }

    boolean exists(String key) {
        return db().exists(b(key));
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    long pttl(String key) {
        long at = db().expireAt(key.getBytes(StandardCharsets.UTF_8));
        return at < 0 ? at : at - clock.millis();
    }

    // CommandContext

    @Override
    public Session session() {
        return new Session() {
            @Override
            public long id() {
                return 1;
            }

            @Override
            public int protocol() {
                return protocol;
            }

            @Override
            public int db() {
                return 0;
            }

            @Override
            public String name() {
                return null;
            }

            @Override
            public String remoteAddress() {
                return "127.0.0.1:50000";
            }
        };
    }

    /**
     * The keyspace events commands reported, oldest first, as {@code class:event:key} with
     * the class's letter ({@code $:set:k}), {@code @db} appended outside database 0.
     */
    final java.util.List<String> events = new java.util.ArrayList<>();

    @Override
    public void notifyKeyspaceEvent(KeyspaceEvent type, String event, byte[] key) {
        notifyKeyspaceEvent(type, event, key, db().index());
    }

    @Override
    public void notifyKeyspaceEvent(KeyspaceEvent type, String event, byte[] key, int db) {
        events.add(type.letter() + ":" + event + ":" + new String(key, StandardCharsets.UTF_8)
                + (db == 0 ? "" : "@" + db));
    }

    @Override
    public Database db() {
        return keyspace.db(0);
    }

    @Override
    public Database db(int index) {
        return keyspace.db(index);
    }

    @Override
    public int databases() {
        return keyspace.databases();
    }

    @Override
    public Reply reply() {
        return reply;
    }

    @Override
    public long now() {
        return keyspace.now();
    }

    @Override
    public String config(String name) {
        return config.get(name);
    }

    @Override
    public boolean block(byte[][] keys, long timeoutMillis) {
        return false;
    }
}
