package io.pyredis.server.internal.commands;

import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.core.exec.CallContext;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.DebugState;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.config.ConfigRewriter;
import io.pyredis.server.internal.config.NumericParam;
import io.pyredis.server.internal.persistence.Persistence;
import io.pyredis.server.internal.persistence.aof.AofException;
import io.pyredis.storage.DebugInfo;
import io.pyredis.storage.Digest;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.RdbLoadException;
import io.pyredis.support.Glob;
import io.pyredis.support.Numbers;
import io.pyredis.support.RefCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code DEBUG subcommand [argument ...]}: Redis 7.0.15's debug.c, subcommand by
 * subcommand, with its replies and errors. Reaching it at all needs
 * {@code enable-debug-command} (the call unit's protected-command check, as processCommand).
 *
 * <p>What pyredis has no equivalent of answers as a Redis without that feature does:
 * MALLCTL and MALLCTL-STR as a build without jemalloc (an unknown subcommand), CLUSTERLINK
 * and CLIENT-EVICTION as a server without cluster mode or maxmemory-clients. The
 * subcommands that crash Redis on purpose (SEGFAULT, PANIC, ASSERT, OOM, RESTART,
 * CRASH-AND-RECOVER) are not implemented: they answer as an unknown subcommand.
 */
public final class DebugCommand extends BuiltinCommand {

    private static final Logger LOG = LoggerFactory.getLogger(DebugCommand.class);

    /** quicklistisSetPackedThreshold's upper bound: 4 GB less 1 MB. */
    private static final long PACKED_THRESHOLD_MAX = (1L << 32) - (1 << 20);

    private static final String[] HELP = {
        "AOF-FLUSH-SLEEP <microsec>",
        "    Server will sleep before flushing the AOF, this is used for testing.",
        "ASSERT",
        "    Crash by assertion failed.",
        "CHANGE-REPL-ID",
        "    Change the replication IDs of the instance.",
        "    Dangerous: should be used only for testing the replication subsystem.",
        "CONFIG-REWRITE-FORCE-ALL",
        "    Like CONFIG REWRITE but writes all configuration options, including",
        "    keywords not listed in original configuration file or default values.",
        "CRASH-AND-RECOVER [<milliseconds>]",
        "    Hard crash and restart after a <milliseconds> delay (default 0).",
        "DIGEST",
        "    Output a hex signature representing the current DB content.",
        "DIGEST-VALUE <key> [<key> ...]",
        "    Output a hex signature of the values of all the specified keys.",
        "ERROR <string>",
        "    Return a Redis protocol error with <string> as message. Useful for clients",
        "    unit tests to simulate Redis errors.",
        "LEAK <string>",
        "    Create a memory leak of the input string.",
        "LOG <message>",
        "    Write <message> to the server log.",
        "HTSTATS <dbid>",
        "    Return hash table statistics of the specified Redis database.",
        "HTSTATS-KEY <key>",
        "    Like HTSTATS but for the hash table stored at <key>'s value.",
        "LOADAOF",
        "    Flush the AOF buffers on disk and reload the AOF in memory.",
        "REPLICATE <string>",
        "    Replicates the provided string to replicas, allowing data divergence.",
        "OBJECT <key>",
        "    Show low level info about `key` and associated value.",
        "DROP-CLUSTER-PACKET-FILTER <packet-type>",
        "    Drop all packets that match the filtered type. Set to -1 allow all packets.",
        "OOM",
        "    Crash the server simulating an out-of-memory error.",
        "PANIC",
        "    Crash the server simulating a panic.",
        "POPULATE <count> [<prefix>] [<size>]",
        "    Create <count> string keys named key:<num>. If <prefix> is specified then",
        "    it is used instead of the 'key' prefix. These are not propagated to",
        "    replicas. Cluster slots are not respected so keys not belonging to the",
        "    current node can be created in cluster mode.",
        "PROTOCOL <type>",
        "    Reply with a test value of the specified type. <type> can be: string,",
        "    integer, double, bignum, null, array, set, map, attrib, push, verbatim,",
        "    true, false.",
        "RELOAD [option ...]",
        "    Save the RDB on disk and reload it back to memory. Valid <option> values:",
        "    * MERGE: conflicting keys will be loaded from RDB.",
        "    * NOFLUSH: the existing database will not be removed before load, but",
        "      conflicting keys will generate an exception and kill the server.",
        "    * NOSAVE: the database will be loaded from an existing RDB file.",
        "    Examples:",
        "    * DEBUG RELOAD: verify that the server is able to persist, flush and reload",
        "      the database.",
        "    * DEBUG RELOAD NOSAVE: replace the current database with the contents of an",
        "      existing RDB file.",
        "    * DEBUG RELOAD NOSAVE NOFLUSH MERGE: add the contents of an existing RDB",
        "      file to the database.",
        "RESTART [<milliseconds>]",
        "    Graceful restart: save config, db, restart after a <milliseconds> delay (default 0).",
        "SDSLEN <key>",
        "    Show low level SDS string info representing `key` and value.",
        "SEGFAULT",
        "    Crash the server with sigsegv.",
        "SET-ACTIVE-EXPIRE <0|1>",
        "    Setting it to 0 disables expiring keys in background when they are not",
        "    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the",
        "    default.",
        "QUICKLIST-PACKED-THRESHOLD <size>",
        "    Sets the threshold for elements to be inserted as plain vs packed nodes",
        "    Default value is 1GB, allows values up to 4GB. Setting to 0 restores to default.",
        "SET-SKIP-CHECKSUM-VALIDATION <0|1>",
        "    Enables or disables checksum checks for RDB files and RESTORE's payload.",
        "SLEEP <seconds>",
        "    Stop the server for <seconds>. Decimals allowed.",
        "STRINGMATCH-TEST",
        "    Run a fuzz tester against the stringmatchlen() function.",
        "STRUCTSIZE",
        "    Return the size of different Redis core C structures.",
        "LISTPACK <key>",
        "    Show low level info about the listpack encoding of <key>.",
        "QUICKLIST <key> [<0|1>]",
        "    Show low level info about the quicklist encoding of <key>.",
        "    The optional argument (0 by default) sets the level of detail",
        "CLIENT-EVICTION",
        "    Show low level client eviction pools info (maxmemory-clients).",
        "PAUSE-CRON <0|1>",
        "    Stop periodic cron job processing.",
        "REPLYBUFFER PEAK-RESET-TIME <NEVER||RESET|time>",
        "    Sets the time (in milliseconds) to wait between client reply buffer peak resets.",
        "    In case NEVER is provided the last observed peak will never be reset",
        "    In case RESET is provided the peak reset time will be restored to the default value",
        "REPLYBUFFER RESIZING <0|1>",
        "    Enable or disable the reply buffer resize cron job",
        "CLUSTERLINK KILL <to|from|all> <node-id>",
        "    Kills the link based on the direction to/from (both) with the provided node.",
    };

    /** networking.c's REPLY_BUFFER_DEFAULT_PEAK_RESET_TIME. */
    private static final long REPLY_BUFFER_DEFAULT_PEAK_RESET_TIME = 5000;

    public DebugCommand(ServerContext server) {
        super(server, "debug");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        String sub = text(args[1]).toLowerCase(Locale.ROOT);
        int argc = args.length;
        RespWriter w = c.reply();
        DebugState debug = server.debug();
        switch (sub) {
            case "help" -> {
                if (argc != 2) {
                    throw syntax(args);
                }
                Help.write(w, "DEBUG", HELP);
            }
            case "log" -> {
                requireArgc(args, 3);
                LOG.warn("DEBUG LOG: {}", text(args[2]));
                w.ok();
            }
            case "leak" -> {
                // Nothing to leak in a garbage-collected heap.
                requireArgc(args, 3);
                w.ok();
            }
            case "reload" -> reload(c, args);
            case "loadaof" -> loadAof(c);
            case "drop-cluster-packet-filter" -> {
                requireArgc(args, 3);
                Numbers.parseLong(args[2]);
                w.ok();
            }
            case "object" -> {
                requireArgc(args, 3);
                object(c, args[2]);
            }
            case "listpack" -> {
                requireArgc(args, 3);
                RedisValue v = lookupOrNoKey(c, args[2]);
                if (!"listpack".equals(v.encoding())) {
                    throw new RedisError("ERR Not a listpack encoded object.");
                }
                // Redis prints lpRepr on its stdout; the log is ours.
                LOG.info("DEBUG LISTPACK {}: {}", text(args[2]), v);
                w.simple("Listpack structure printed on stdout");
            }
            case "quicklist" -> {
                if (argc != 3 && argc != 4) {
                    throw syntax(args);
                }
                RedisValue v = lookupOrNoKey(c, args[2]);
                if (!"quicklist".equals(v.encoding())) {
                    throw new RedisError("ERR Not a quicklist encoded object.");
                }
                LOG.info("DEBUG QUICKLIST {}:{}", text(args[2]),
                        DebugInfo.quicklistFields(v, server.keyspace().encodingLimits()));
                w.simple("Quicklist structure printed on stdout");
            }
            case "populate" -> {
                if (argc < 3 || argc > 5) {
                    throw syntax(args);
                }
                populate(c, args);
            }
            case "digest" -> {
                requireArgc(args, 2);
                w.simple(Digest.dataset(server.keyspace()));
            }
            case "digest-value" -> {
                w.array(argc - 2);
                for (int j = 2; j < argc; j++) {
                    w.simple(Digest.value(server.keyspace(), c.session().db(), args[j]));
                }
            }
            case "protocol" -> {
                requireArgc(args, 3);
                protocol(c, text(args[2]));
            }
            case "sleep" -> {
                requireArgc(args, 3);
                sleep(strtod(text(args[2])));
                w.ok();
            }
            case "set-active-expire" -> {
                requireArgc(args, 3);
                debug.activeExpireEnabled = atoi(args[2]) != 0;
                w.ok();
            }
            case "quicklist-packed-threshold" -> {
                requireArgc(args, 3);
                Long sz = NumericParam.memtoull(text(args[2]));
                if (sz == null || sz > PACKED_THRESHOLD_MAX) {
                    throw new RedisError("ERR argument must be a memory value bigger than 1 and smaller than 4gb");
                }
                server.keyspace().encodingLimits().quicklistPackedThreshold = sz == 0 ? 1L << 30 : sz;
                w.ok();
            }
            case "set-skip-checksum-validation" -> {
                requireArgc(args, 3);
                server.keyspace().skipChecksumValidation = atoi(args[2]) != 0;
                w.ok();
            }
            case "aof-flush-sleep" -> {
                requireArgc(args, 3);
                debug.aofFlushSleepMicros = atoi(args[2]);
                w.ok();
            }
            case "replicate" -> {
                if (argc < 3) {
                    throw syntax(args);
                }
                // No replicas to feed.
                w.ok();
            }
            case "error" -> {
                requireArgc(args, 3);
                // The string is the whole error line, no ERR in front; no newlines in errors.
                throw new RedisError(text(args[2]).replace('\n', ' ').replace('\r', ' '));
            }
            case "structsize" -> {
                requireArgc(args, 2);
                // The sizes of Redis's C structures on a 64-bit build, which is what clients compare against.
                w.bulk("bits:64 robj:16 dictentry:24 sdshdr5:1 sdshdr8:3 sdshdr16:5 sdshdr32:9 sdshdr64:17 ");
            }
            case "htstats" -> {
                requireArgc(args, 3);
                long dbid = Numbers.parseLong(args[2]);
                if (dbid < 0 || dbid >= c.databases()) {
                    throw new RedisError("ERR Out of range database");
                }
                w.verbatim("txt", DebugInfo.hashTableStats(server.keyspace(), (int) dbid)
                        .getBytes(StandardCharsets.UTF_8));
            }
            case "htstats-key" -> {
                requireArgc(args, 3);
                String stats = DebugInfo.hashTableStats(lookupOrNoKey(c, args[2]));
                if (stats == null) {
                    throw new RedisError("ERR The value stored at the specified key is not represented using an hash table");
                }
                w.verbatim("txt", stats.getBytes(StandardCharsets.UTF_8));
            }
            case "change-repl-id" -> {
                requireArgc(args, 2);
                LOG.warn("Changing replication IDs after receiving DEBUG change-repl-id");
                server.changeReplicationId();
                w.ok();
            }
            case "stringmatch-test" -> {
                requireArgc(args, 2);
                stringmatchFuzz();
                w.simple("Apparently Redis did not crash: test passed");
            }
            case "set-disable-deny-scripts" -> {
                requireArgc(args, 3);
                debug.disableDenyScripts = atoi(args[2]) != 0;
                w.ok();
            }
            case "config-rewrite-force-all" -> {
                requireArgc(args, 2);
                configRewriteForceAll(c);
            }
            case "client-eviction" -> {
                requireArgc(args, 2);
                // pyredis has no maxmemory-clients: as Redis with it at 0.
                throw new RedisError("ERR maxmemory-clients is disabled.");
            }
            case "pause-cron" -> {
                requireArgc(args, 3);
                debug.pauseCron = atoi(args[2]) != 0;
                w.ok();
            }
            case "replybuffer" -> {
                requireArgc(args, 4);
                replyBuffer(args, debug);
                w.ok();
            }
            case "clusterlink" -> {
                if (argc != 5 || !text(args[2]).equalsIgnoreCase("kill")) {
                    throw syntax(args);
                }
                throw new RedisError("ERR Debug option only available for cluster mode enabled setup!");
            }
            default -> throw syntax(args);
        }
    }

    /** addReplySubcommandSyntaxError. */
    private static RedisError syntax(byte[][] args) {
        String name = text(args[1]);
        if (name.length() > 128) {
            name = name.substring(0, 128);
        }
        return new RedisError("ERR unknown subcommand or wrong number of arguments for '" + name
                + "'. Try DEBUG HELP.");
    }

    private static void requireArgc(byte[][] args, int argc) {
        if (args.length != argc) {
            throw syntax(args);
        }
    }

    /** objectCommandLookupOrReply with shared.nokeyerr. */
    private static RedisValue lookupOrNoKey(CallContext c, byte[] key) {
        RedisValue v = c.db().inspect(key);
        if (v == null) {
            throw RedisError.NO_SUCH_KEY;
        }
        return v;
    }

    private void object(CallContext c, byte[] key) {
        RedisValue v = lookupOrNoKey(c, key);
        Keyspace ks = server.keyspace();
        int db = c.session().db();
        long serialized = DebugInfo.serializedLength(v, server.config().rdbcompression.isOn(), ks.encodingLimits());
        long idle = c.db().idleSeconds(key);
        // Redis's LRU clock: seconds, 24 bits.
        long lru = (server.clock().millis() / 1000 - idle) & ((1 << 24) - 1);
        c.reply().simple("Value at:" + DebugInfo.address(ks, db, key) + " refcount:" + RefCount.of(c, v)
                + " encoding:" + v.encoding() + " serializedlength:" + Math.max(serialized, 0)
                + " lru:" + lru + " lru_seconds_idle:" + idle
                + DebugInfo.quicklistFields(v, ks.encodingLimits()));
    }

    private void populate(CallContext c, byte[][] args) {
        long keys = positiveLong(args[2]);
        long valsize = args.length == 5 ? positiveLong(args[4]) : 0;
        String prefix = args.length == 3 ? "key" : text(args[3]);
        byte[] prefixBytes = args.length == 3 ? "key".getBytes(StandardCharsets.US_ASCII) : args[3];
        for (long j = 0; j < keys; j++) {
            byte[] key = concat(prefixBytes, (":" + j).getBytes(StandardCharsets.US_ASCII));
            if (c.db().exists(key)) {
                continue;
            }
            byte[] buf = ("value:" + j).getBytes(StandardCharsets.US_ASCII);
            byte[] val = valsize == 0 ? buf : Arrays.copyOf(buf, (int) valsize);
            c.db().set(key, RedisString.of(val));
        }
        // Redis's dbAdd leaves server.dirty alone: the keys are not propagated.
        c.preventVerbatimPropagation();
        LOG.debug("DEBUG POPULATE {} {}", keys, prefix);
        c.reply().ok();
    }

    /** getPositiveLongFromObjectOrReply: one message for not a number and for negative. */
    private static long positiveLong(byte[] arg) {
        RedisError notPositive = new RedisError("ERR value is out of range, must be positive");
        long v = Numbers.parseLong(arg, notPositive);
        if (v < 0) {
            throw notPositive;
        }
        return v;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** emptyData(-1, ...): every database emptied, the watches on their keys touched. */
    private void emptyData(CallContext c) {
        for (int db = 0; db < c.databases(); db++) {
            server.watches().touchAllInDb(db, -1);
        }
        server.persistence().flushingAll();
        server.keyspace().flushAll();
        // As emptyData's signalFlushedDb: trackers drop their whole cache.
        server.engine().tracking().flushed();
    }

    private void reload(CallContext c, byte[][] args) {
        boolean flush = true;
        boolean save = true;
        boolean merge = false;
        for (int j = 2; j < args.length; j++) {
            String opt = text(args[j]);
            if (opt.equalsIgnoreCase("MERGE")) {
                merge = true;
            } else if (opt.equalsIgnoreCase("NOFLUSH")) {
                flush = false;
            } else if (opt.equalsIgnoreCase("NOSAVE")) {
                save = false;
            } else {
                throw new RedisError("ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.");
            }
        }
        Persistence p = server.persistence();
        if (save && !p.save()) {
            throw new RedisError("ERR");
        }
        c.preventVerbatimPropagation();
        if (flush) {
            emptyData(c);
        }
        boolean loaded;
        try {
            loaded = p.load(merge);
        } catch (RdbLoadException | IOException e) {
            // Redis stops on a corrupt file or a duplicate key; pyredis keeps serving and says so.
            LOG.warn("DEBUG RELOAD failed: {}", e.getMessage());
            loaded = false;
        }
        if (!loaded) {
            throw new RedisError("ERR Error trying to load the RDB dump");
        }
        LOG.warn("DB reloaded by DEBUG RELOAD");
        c.reply().ok();
    }

    private void loadAof(CallContext c) {
        c.preventVerbatimPropagation();
        boolean loaded;
        try {
            loaded = server.aof().reloadFromDisk(() -> emptyData(c));
        } catch (AofException e) {
            // Redis exits here; pyredis keeps serving what it loaded and reports the failure.
            LOG.warn("DEBUG LOADAOF failed: {}", e.getMessage());
            throw new RedisError("ERR Error trying to load the AOF: " + e.getMessage());
        }
        if (!loaded) {
            // Redis exits when there is no AOF to load; pyredis refuses and keeps the data.
            throw new RedisError("ERR No AOF manifest found in " + server.aof().directory());
        }
        LOG.warn("Append Only File loaded by DEBUG LOADAOF");
        c.reply().ok();
    }

    private static void protocol(CallContext c, String name) {
        RespWriter w = c.reply();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "string" -> w.bulk("Hello World");
            case "integer" -> w.integer(12345);
            case "double" -> w.doubleValue(3.141);
            case "bignum" -> w.bigNumber("1234567999999999999999999999999999999");
            case "null" -> w.nullBulk();
            case "array" -> {
                w.array(3);
                for (int j = 0; j < 3; j++) {
                    w.integer(j);
                }
            }
            case "set" -> {
                w.set(3);
                for (int j = 0; j < 3; j++) {
                    w.integer(j);
                }
            }
            case "map" -> {
                w.map(3);
                for (int j = 0; j < 3; j++) {
                    w.integer(j);
                    w.bool(j == 1);
                }
            }
            case "attrib" -> {
                if (w.protocol() >= 3) {
                    w.raw("|1\r\n".getBytes(StandardCharsets.US_ASCII));
                    w.bulk("key-popularity");
                    w.array(2);
                    w.bulk("key:123");
                    w.integer(90);
                }
                // An attribute is no reply: a real one follows.
                w.bulk("Some real reply following the attribute");
            }
            case "push" -> {
                if (w.protocol() < 3) {
                    throw new RedisError("ERR RESP2 is not supported by this command");
                }
                w.push(2);
                w.bulk("server-cpu-usage");
                w.integer(42);
                // Push data is not the reply: a real one follows, for clients that skip pushes.
                w.bulk("Some real reply following the push reply");
            }
            case "true" -> w.bool(true);
            case "false" -> w.bool(false);
            case "verbatim" -> w.verbatim("txt", "This is a verbatim\nstring".getBytes(StandardCharsets.US_ASCII));
            default -> throw new RedisError("ERR Wrong protocol type name. Please use one of the following: "
                    + "string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false");
        }
    }

    /** DEBUG SLEEP blocks the event loop, and so the whole server, as Redis's nanosleep does. */
    private static void sleep(double seconds) {
        long micros = (long) (seconds * 1_000_000);
        if (micros <= 0) {
            return;
        }
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void replyBuffer(byte[][] args, DebugState debug) {
        String what = text(args[2]);
        String value = text(args[3]);
        if (what.equalsIgnoreCase("peak-reset-time")) {
            if (value.equalsIgnoreCase("never")) {
                debug.replyBufferPeakResetTime = -1;
            } else if (value.equalsIgnoreCase("reset")) {
                debug.replyBufferPeakResetTime = REPLY_BUFFER_DEFAULT_PEAK_RESET_TIME;
            } else {
                debug.replyBufferPeakResetTime = Numbers.parseLong(args[3]);
            }
        } else if (what.equalsIgnoreCase("resizing")) {
            debug.replyBufferResizing = atoi(args[3]) != 0;
        } else {
            throw syntax(args);
        }
    }

    private void configRewriteForceAll(CallContext c) {
        if (server.config().configFile == null) {
            throw new RedisError("ERR CONFIG-REWRITE-FORCE-ALL failed: No such file or directory");
        }
        try {
            ConfigRewriter.rewrite(server.config().registry, server.config().configFile, server.aclUsersForConfig());
        } catch (IOException e) {
            throw new RedisError("ERR CONFIG-REWRITE-FORCE-ALL failed: " + e.getMessage());
        }
        c.reply().ok();
    }

    /** stringmatchlen_fuzz_test: random patterns against random strings; only a crash fails it. */
    private static void stringmatchFuzz() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 1000; i++) {
            byte[] pattern = new byte[r.nextInt(128)];
            byte[] str = new byte[r.nextInt(128)];
            r.nextBytes(pattern);
            r.nextBytes(str);
            Glob.matches(pattern, str, r.nextBoolean());
        }
    }

    /** C's atoi: an optional sign and the leading digits, 0 when there are none. */
    static int atoi(byte[] b) {
        int i = 0;
        while (i < b.length && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) {
            i++;
        }
        boolean neg = false;
        if (i < b.length && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long v = 0;
        for (; i < b.length && b[i] >= '0' && b[i] <= '9' && v < Integer.MAX_VALUE + 1L; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return (int) (neg ? -v : v);
    }

    /** C's strtod without an end pointer: the longest leading number, 0 when there is none. */
    static double strtod(String s) {
        String t = s.strip();
        for (int end = t.length(); end > 0; end--) {
            try {
                String head = t.substring(0, end);
                if (!head.isEmpty() && Character.isLetter(head.charAt(head.length() - 1))
                        && !head.toLowerCase(Locale.ROOT).matches("[+-]?(inf|infinity|nan)")) {
                    continue;
                }
                return Double.parseDouble(head.replaceAll("(?i)^([+-]?)inf(inity)?$", "$1Infinity"));
            } catch (NumberFormatException e) {
                // shorter
            }
        }
        return 0;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
