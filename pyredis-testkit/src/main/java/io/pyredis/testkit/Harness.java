package io.pyredis.testkit;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.DataType;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.core.Engine;
import io.pyredis.core.client.Block;
import io.pyredis.core.client.Client;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.core.exec.Propagation;
import io.pyredis.core.loop.ManualLoop;
import io.pyredis.core.util.DbKey;
import io.pyredis.storage.EncodingLimits;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.ManualClock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Runs the command packs on the class path through the server's own execution core: an
 * {@link Engine} whose command table holds the packs found through ServiceLoader, with one
 * client, over a real {@link Keyspace} with a {@link ManualClock} and a {@link ManualLoop}
 * (nothing runs behind the test's back: no expiry cycle, no timers). Every call goes through
 * the same call unit as a network client's request (lookup, arity and subcommand checks,
 * execution, error replies, propagation), and returns the exact RESP bytes a client would
 * read (as ISO-8859-1 text). Keyspace events are recorded in {@link #events}; a blocking
 * command that finds nothing blocks only when {@link #canBlock} is set (as for a client
 * outside MULTI), and then its keys and timeout are recorded and the block is lifted.
 *
 * <p>What the append-only file would record for each call is in {@link #lastRecorded} and,
 * for every call so far, in {@link #recorded}: what the core propagates, a {@code DEL} for
 * each key the command found expired, then what the command propagated or, when it
 * propagated nothing and changed a key, the command as sent. {@link #replayRecorded} runs
 * them into another harness, as loading the AOF would.
 */
public class Harness {

    /** 2021-01-01T00:00:00Z: far from 0 so that past deadlines like PXAT 1 are really past. */
    public static final long START = 1_609_459_200_000L;

    public final ManualClock clock = new ManualClock(START);
    public final Keyspace keyspace = new Keyspace(16, clock);
    /** The keyspace's thresholds, as CONFIG SET would change them. */
    public final EncodingLimits limits = keyspace.encodingLimits();
    /** What {@code CommandContext.config} answers; tests may change it. */
    public final Map<String, String> config = new HashMap<>();
    /**
     * The keyspace events commands reported, oldest first, as {@code class:event:key} with
     * the class's letter ({@code $:set:k}), {@code @db} appended outside database 0.
     */
    public final List<String> events = new ArrayList<>();
    /** The selected database. */
    public int selected;
    /** Whether a blocking command may block (a real client outside MULTI) or not (inside MULTI). */
    public boolean canBlock;
    /** The keys and timeout of the last block, or null. */
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

    private final ManualLoop loop = new ManualLoop(() -> clock.millis() * 1_000_000L);
    private final Engine engine;
    private Client client;
    /** The network-like client, and the AOF loader's (id -1), which {@link #replayRecorded} uses in its target. */
    private final Client user;
    private Client aof;
    private int protocol = 2;
    private final List<Recorded> lastRecorded = new ArrayList<>();

    public Harness() {
        CommandTable table = new CommandTable();
        for (CommandPack pack : ServiceLoader.load(CommandPack.class)) {
            for (Command c : pack.commands()) {
                table.put(c.spec().name(), new CommandEntry(c, pack.name()));
            }
        }
        engine = new Engine(keyspace, clock, loop, table);
        engine.callUnit().configView(config::get);
        engine.notifier().addListener(EnumSet.complementOf(EnumSet.of(KeyspaceEvent.EXPIRED, KeyspaceEvent.NEW,
                KeyspaceEvent.KEY_MISS, KeyspaceEvent.EVICTED)), (type, event, db, key) -> events.add(
                type.letter() + ":" + event + ":" + new String(key, StandardCharsets.UTF_8) + (db == 0 ? "" : "@" + db)));
        engine.propagation().addSink(new Propagation.Sink() {
            @Override
            public void propagate(int db, byte[][] argv) {
                String name = new String(argv[0], StandardCharsets.US_ASCII);
                if (!name.equals("MULTI") && !name.equals("EXEC")) {
                    lastRecorded.add(new Recorded(db, argv));
                }
            }
        });
        user = engine.detachedClient(1);
        client = user;
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
        CommandEntry e = engine.commands().get(name);
        return e == null ? null : e.command();
    }

    /** The reply to one request; arguments are UTF-8. */
    public String call(String... args) {
        return call(argv(args));
    }

    public String call(byte[]... argv) {
        return run(argv, false);
    }

    /**
     * Runs one request through the call unit. A client that blocks has its keys and
     * timeout recorded; then, unless {@code stayBlocked}, the block is lifted without a
     * reply, so the next call runs as usual.
     */
    private String run(byte[][] argv, boolean stayBlocked) {
        client.reply().reset();
        client.protocol(protocol);
        client.db(selected);
        client.denyBlocking(!canBlock);
        lastRecorded.clear();
        if (engine.commands().get(argv[0]) == null) {
            String name = new String(argv[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return unknownCommand(name, argv);
        }
        engine.callUnit().process(client, argv, System.nanoTime());
        loop.runPending();
        recorded.addAll(lastRecorded);
        Block b = client.block();
        if (b != null) {
            DbKey[] keys = b.keys();
            blockedKeys = new byte[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                blockedKeys[i] = keys[i].key;
            }
            blockedTimeout = client.blockTimeout();
            if (!stayBlocked) {
                engine.blocked().cancel(client);
            }
        }
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
        if (target.aof == null) {
            target.aof = target.engine.detachedClient(Client.AOF_CLIENT_ID);
        }
        // As the AOF loader: its client (commands that obey it, such as XADD's LIMIT, tell).
        target.client = target.aof;
        try {
            replayInto(target);
        } finally {
            target.client = target.user;
        }
    }

    private void replayInto(Harness target) {
        for (Recorded r : recorded) {
            target.selected = r.db();
            String name = new String(r.argv()[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            String out = target.command(name) != null ? target.call(r.argv()) : target.applyGeneric(name, r.argv());
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
        } else if (v instanceof io.pyredis.api.RedisStream st) {
            var it = st.range(io.pyredis.api.StreamId.MIN, io.pyredis.api.StreamId.MAX, false);
            while (it.hasNext()) {
                var e = it.next();
                List<String> fv = new ArrayList<>();
                for (byte[] b : e.fieldsAndValues()) {
                    fv.add(latin1(b));
                }
                parts.add(e.id() + "=" + fv);
            }
            return "stream " + parts + " last " + st.lastId() + " groups " + st.groups().keySet().size();
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

    /** What the command replies when its timeout passes with nothing to serve. */
    public String timeoutReply(String... args) {
        boolean could = canBlock;
        canBlock = true;
        try {
            String first = run(argv(args), true);
            if (!first.isEmpty() || client.block() == null) {
                throw new AssertionError(String.join(" ", args) + " did not block: " + first);
            }
            client.reply().reset();
            engine.blocked().unblock(client, false);
            loop.runPending();
            return written();
        } finally {
            canBlock = could;
        }
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
                return "quicklist";
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
        return new String(client.reply().buffer(), 0, client.reply().size(), StandardCharsets.ISO_8859_1);
    }

    /** The selected database. */
    public Database db() {
        return keyspace.db(selected);
    }

    /** The keyspace's time of the last command, in unix ms. */
    public long now() {
        return keyspace.now();
    }
}
