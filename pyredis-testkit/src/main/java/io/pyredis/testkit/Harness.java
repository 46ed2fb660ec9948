package io.pyredis.testkit;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandPack;
import io.pyredis.api.DataType;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.api.Reply;
import io.pyredis.api.Session;
import io.pyredis.protocol.RespWriter;
import io.pyredis.storage.EncodingLimits;
import io.pyredis.storage.KeyListener;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.ManualClock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Runs the command packs on the class path as the server would: found through ServiceLoader,
 * arity and subcommands checked first, over a real {@link Keyspace} with a
 * {@link ManualClock}, replies encoded by the real {@link RespWriter}, errors turned into
 * error replies. Each call returns the exact RESP bytes a client would read (as ISO-8859-1
 * text). Keyspace events are recorded in {@link #events}; {@link #block} succeeds only when
 * {@link #canBlock} is set, as for a client outside MULTI.
 *
 * <p>What the append-only file would record for each call is in {@link #lastRecorded} and,
 * for every call so far, in {@link #recorded}: as the server does, a {@code DEL} for each
 * key the command found expired, then what the command {@link #propagate}d or, when it
 * propagated nothing, the command as sent when it changed a key (a key listener saw it).
 * {@link #replayRecorded} runs them into another harness, as loading the AOF would.
 */
public class Harness implements CommandContext {

    /** 2021-01-01T00:00:00Z: far from 0 so that past deadlines like PXAT 1 are really past. */
    public static final long START = 1_609_459_200_000L;

    public final ManualClock clock = new ManualClock(START);
    public final Keyspace keyspace = new Keyspace(16, clock);
    /** The keyspace's thresholds, as CONFIG SET would change them. */
    public final EncodingLimits limits = keyspace.encodingLimits();
    /** What {@link #config} answers; tests may change it. */
    public final Map<String, String> config = new HashMap<>();
    /**
     * The keyspace events commands reported, oldest first, as {@code class:event:key} with
     * the class's letter ({@code $:set:k}), {@code @db} appended outside database 0.
     */
    public final List<String> events = new ArrayList<>();
    /** The selected database. */
    public int selected;
    /** Whether {@link #block} accepts (a real client outside MULTI) or refuses (inside MULTI). */
    public boolean canBlock;
    /** The keys and timeout of the last accepted {@link #block}, or null. */
    public byte[][] blockedKeys;
    public long blockedTimeout = -1;

    /** One command the append-only file would record, in database {@code db}. */
    public record Recorded(int db, byte[][] argv) {
        @Override
        public String toString() {
            return format(argv);
        }
    }

    /** Everything the calls so far would have put in the append-only file, in order. */
    public final List<Recorded> recorded = new ArrayList<>();

    private final Map<String, Command> commands = new HashMap<>();
    private RespWriter reply;
    private int protocol = 2;
    private boolean inCall;
    private boolean changed;
    private final List<Recorded> expiredDels = new ArrayList<>();
    private final List<byte[][]> propagated = new ArrayList<>();
    private final List<Recorded> lastRecorded = new ArrayList<>();

    public Harness() {
        keyspace.addKeyListener(new KeyListener() {
            @Override
            public void keyModified(int db, byte[] key) {
                changed |= inCall;
            }

            @Override
            public void keyCreated(int db, byte[] key) {
                changed |= inCall;
            }

            @Override
            public void keyExpired(int db, byte[] key) {
                if (inCall) {
                    expiredDels.add(new Recorded(db, new byte[][] {b("DEL"), key.clone()}));
                }
            }
        });
        for (CommandPack pack : ServiceLoader.load(CommandPack.class)) {
            for (Command c : pack.commands()) {
                commands.put(c.spec().name(), c);
            }
        }
        config.put("maxmemory", "0");
        config.put("maxmemory-policy", "noeviction");
    }

    public Harness resp3() {
        protocol = 3;
        return this;
    }

    public Harness select(int db) {
        selected = db;
        return this;
    }

    /** The command of that (lower-case) name, or null when no pack on the class path has it. */
    public Command command(String name) {
        return commands.get(name);
    }

    /** The reply to one request; arguments are UTF-8. */
    public String call(String... args) {
        return call(argv(args));
    }

    public String call(byte[]... argv) {
        String name = new String(argv[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        Command c = commands.get(name);
        reply = new RespWriter(protocol);
        keyspace.refreshTime();
        if (c == null) {
            return unknownCommand(name, argv);
        }
        if (!c.spec().acceptsArgc(argv.length)) {
            return "-ERR wrong number of arguments for '" + name + "' command\r\n";
        }
        if (!c.subcommands().isEmpty()) {
            String sub = new String(argv[1], StandardCharsets.UTF_8);
            Command found = null;
            for (Command s : c.subcommands()) {
                if (s.spec().name().equals(name + "|" + sub.toLowerCase(Locale.ROOT))) {
                    found = s;
                }
            }
            if (found == null) {
                return "-ERR unknown subcommand '" + sub + "'. Try " + name.toUpperCase(Locale.ROOT) + " HELP.\r\n";
            }
            if (!found.spec().acceptsArgc(argv.length)) {
                return "-ERR wrong number of arguments for '" + found.spec().name() + "' command\r\n";
            }
            c = found;
        }
        int db = selected;
        propagated.clear();
        expiredDels.clear();
        changed = false;
        inCall = true;
        try {
            c.execute(this, argv);
        } catch (RedisError e) {
            if (reply.size() != 0) {
                throw new AssertionError("error thrown after part of a reply was written: " + e.getMessage());
            }
            reply.error(e);
        } finally {
            inCall = false;
        }
        lastRecorded.clear();
        lastRecorded.addAll(expiredDels);
        if (!propagated.isEmpty()) {
            for (byte[][] p : propagated) {
                lastRecorded.add(new Recorded(db, p));
            }
        } else if (changed) {
            lastRecorded.add(new Recorded(db, argv));
        }
        recorded.addAll(lastRecorded);
        return written();
    }

    /**
     * What the append-only file would record for the last {@link #call}, one entry per
     * command, its arguments separated by spaces (see {@link #format}).
     */
    public List<String> lastRecorded() {
        List<String> out = new ArrayList<>();
        for (Recorded r : lastRecorded) {
            out.add(format(r.argv()));
        }
        return out;
    }

    /**
     * Runs every command recorded so far into {@code target}, each in its database, as
     * loading the append-only file would, and fails on the first error reply. Commands no
     * pack on {@code target}'s class path has are applied by {@link #applyGeneric} (DEL,
     * PEXPIREAT, PERSIST: what other packs' commands propagate as).
     */
    public void replayRecorded(Harness target) {
        for (Recorded r : recorded) {
            target.selected = r.db();
            String name = new String(r.argv()[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            String out = target.commands.containsKey(name) ? target.call(r.argv()) : target.applyGeneric(name, r.argv());
            if (out.startsWith("-")) {
                throw new AssertionError("replaying " + r + " in db " + r.db() + ": " + out.trim());
            }
        }
        target.selected = 0;
    }

    /** DEL, PEXPIREAT and PERSIST, straight on the keyspace, for replay in a pack without them. */
    protected String applyGeneric(String name, byte[][] argv) {
        switch (name) {
            case "del" -> {
                for (int i = 1; i < argv.length; i++) {
                    db().delete(argv[i]);
                }
            }
            case "pexpireat" -> db().expireAt(argv[1], Long.parseLong(new String(argv[2], StandardCharsets.UTF_8)));
            case "persist" -> db().persist(argv[1]);
            default -> {
                return unknownCommand(name, argv);
            }
        }
        return "+OK\r\n";
    }

    /**
     * Every live key of every database with its type, contents and deadline, one line per
     * key in key order, set-like contents sorted: equal for two keyspaces that hold the same
     * data whatever their encodings or history.
     */
    public String dump() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keyspace.databases(); i++) {
            Database d = keyspace.db(i);
            List<byte[]> keys = new ArrayList<>();
            d.forEachKey(k -> keys.add(k.clone()));
            TreeMap<String, String> lines = new TreeMap<>();
            for (byte[] k : keys) {
                RedisValue v = d.get(k);
                if (v != null) {
                    lines.put(latin1(k), describe(v) + " ttl-at " + d.expireAt(k));
                }
            }
            for (Map.Entry<String, String> e : lines.entrySet()) {
                out.append(i).append(' ').append(e.getKey()).append(' ').append(e.getValue()).append('\n');
            }
        }
        return out.toString();
    }

    private static String describe(RedisValue v) {
        List<String> parts = new ArrayList<>();
        if (v instanceof RedisString s) {
            return "string " + latin1(s.bytes());
        } else if (v instanceof RedisList l) {
            for (int i = 0; i < l.size(); i++) {
                parts.add(latin1(l.get(i)));
            }
            return "list " + parts;
        } else if (v instanceof RedisHash h) {
            h.forEach((f, x) -> parts.add(latin1(f) + "=" + latin1(x)));
        } else if (v instanceof RedisSet s) {
            s.forEach(m -> parts.add(latin1(m)));
        } else if (v instanceof RedisSortedSet z) {
            for (long r = 0; r < z.size(); r++) {
                parts.add(latin1(z.memberAt(r)) + "=" + z.scoreAt(r));
            }
            return "zset " + parts;
        } else {
            return v.type().name() + " " + v;
        }
        parts.sort(null);
        return v.type().name() + " " + parts;
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /**
     * A command as text: its arguments separated by spaces, an empty one as {@code ""}, and
     * backslash, space, tab, CR and LF escaped as {@code \\ \s \t \r \n}.
     */
    public static String format(byte[][] argv) {
        StringBuilder out = new StringBuilder();
        for (byte[] a : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            if (a.length == 0) {
                out.append("\"\"");
            }
            for (char c : latin1(a).toCharArray()) {
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case ' ' -> out.append("\\s");
                    case '\t' -> out.append("\\t");
                    case '\r' -> out.append("\\r");
                    case '\n' -> out.append("\\n");
                    default -> out.append(c);
                }
            }
        }
        return out.toString();
    }

    /**
     * The reply to a command no pack on the class path has; a pack's tests may override this
     * to stand in for the few commands of other packs they use.
     */
    protected String unknownCommand(String name, byte[][] argv) {
        return "-ERR unknown command\r\n";
    }

    /** What the command's {@link BlockingCommand#timeout} replies. */
    public String timeoutReply(String... args) {
        byte[][] argv = argv(args);
        reply = new RespWriter(protocol);
        ((BlockingCommand) commands.get(args[0].toLowerCase(Locale.ROOT))).timeout(this, argv);
        return written();
    }

    /** The keys of the last accepted block, as text. */
    public List<String> blockedKeyNames() {
        List<String> out = new ArrayList<>();
        for (byte[] k : blockedKeys) {
            out.add(new String(k, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Stores a value of another type, as a list would be, for WRONGTYPE tests. */
    public void storeList(String key) {
        db().set(b(key), new RedisValue() {
            @Override
            public DataType type() {
                return DataType.LIST;
            }

            @Override
            public String encoding() {
                return "listpack";
            }
        });
    }

    /** The same as {@link #storeList}: a value that is not a string. */
    public void storeNonString(String key) {
        storeList(key);
    }

    /** Stores a string, for WRONGTYPE tests. */
    public void storeString(String key) {
        db().set(b(key), RedisString.of(b("text")));
    }

    public void set(String key, String value) {
        db().set(b(key), RedisString.of(value));
    }

    /** The string at {@code key} of database {@code db}, bypassing commands; null when none. */
    public String get(int db, String key) {
        RedisString s = keyspace.db(db).get(b(key), RedisString.class);
        return s == null ? null : new String(s.bytes(), StandardCharsets.UTF_8);
    }

    public boolean exists(String key) {
        return db().exists(b(key));
    }

    /** The encoding of the value at {@code key}, as OBJECT ENCODING reports it; null when there is none. */
    public String encoding(String key) {
        RedisValue v = db().get(b(key));
        return v == null ? null : v.encoding();
    }

    /** Milliseconds to live of {@code key} in the selected database, or -1 / -2 as PTTL. */
    public long pttl(String key) {
        return pttl(selected, key);
    }

    public long pttl(int db, String key) {
        long at = keyspace.db(db).expireAt(b(key));
        return at < 0 ? at : at - clock.millis();
    }

    public static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[][] argv(String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            argv[i] = b(args[i]);
        }
        return argv;
    }

    private String written() {
        return new String(reply.buffer(), 0, reply.size(), StandardCharsets.ISO_8859_1);
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
                return selected;
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
        return keyspace.db(selected);
    }

    @Override
    public Database db(int index) {
        if (index < 0 || index >= keyspace.databases()) {
            throw RedisError.DB_INDEX_OUT_OF_RANGE;
        }
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
    public void swapDatabases(int a, int b) {
        if (a < 0 || a >= keyspace.databases() || b < 0 || b >= keyspace.databases()) {
            throw RedisError.DB_INDEX_OUT_OF_RANGE;
        }
        keyspace.swap(a, b);
    }

    @Override
    public void propagate(byte[]... command) {
        propagated.add(command);
    }

    @Override
    public boolean block(byte[][] keys, long timeoutMillis) {
        if (!canBlock) {
            return false;
        }
        blockedKeys = keys;
        blockedTimeout = timeoutMillis;
        return true;
    }
}
