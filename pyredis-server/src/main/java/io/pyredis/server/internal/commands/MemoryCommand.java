package io.pyredis.server.internal.commands;

import io.pyredis.api.Command;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;
import io.pyredis.core.exec.CallContext;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.Memory;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.MemoryUsage;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code MEMORY <subcommand>}: USAGE, STATS, DOCTOR, MALLOC-STATS, PURGE, HELP, as Redis
 * 7.0's memoryCommand in object.c, over the server's memory accounting ({@link Memory}).
 */
public final class MemoryCommand extends BuiltinCommand {

    private static final String[] HELP = {
        "DOCTOR",
        "    Return memory problems reports.",
        "MALLOC-STATS",
        "    Return internal statistics report from the memory allocator.",
        "PURGE",
        "    Attempt to purge dirty pages for reclamation by the allocator.",
        "STATS",
        "    Return information about the memory usage of the server.",
        "USAGE <key> [SAMPLES <count>]",
        "    Return memory in bytes used by <key> and its value. Nested values are",
        "    sampled up to <count> times (default: 5, 0 means sample all).",
    };

    public MemoryCommand(ServerContext server) {
        super(server, "memory");
    }

    @Override
    public List<Command> subcommands() {
        return List.of(new Usage(server), new Stats(server), new Doctor(server), new MallocStats(server),
                new Purge(server), new Help.Subcommand(server, "memory", HELP));
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        throw new RedisError("ERR wrong number of arguments for 'memory' command");
    }

    /** {@code MEMORY USAGE key [SAMPLES count]} */
    static final class Usage extends BuiltinCommand {
        Usage(ServerContext server) {
            super(server, "memory|usage");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            long samples = MemoryUsage.DEFAULT_SAMPLES;
            // As Redis: every option is checked before the key is looked up; the last SAMPLES wins.
            for (int j = 3; j < args.length; j++) {
                if (new String(args[j], StandardCharsets.ISO_8859_1).equalsIgnoreCase("samples")
                        && j + 1 < args.length) {
                    samples = Numbers.parseLong(args[j + 1]);
                    if (samples < 0) {
                        throw RedisError.SYNTAX;
                    }
                    if (samples == 0) {
                        samples = Long.MAX_VALUE;
                    }
                    j++;
                } else {
                    throw RedisError.SYNTAX;
                }
            }
            RedisValue v = c.db().inspect(args[2]);
            if (v == null) {
                c.reply().nullBulk();
                return;
            }
            int n = (int) Math.min(samples, Integer.MAX_VALUE);
            c.reply().integer(MemoryUsage.valueSize(v, n) + MemoryUsage.keyOverhead(args[2]));
        }
    }

    /** {@code MEMORY STATS}: Redis's getMemoryOverheadData fields, in its order. */
    static final class Stats extends BuiltinCommand {
        Stats(ServerContext server) {
            super(server, "memory|stats");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Memory m = server.memory();
            Keyspace ks = server.keyspace();
            long used = m.used();
            long peak = m.peak();
            long overhead = m.overhead();
            long rss = Memory.rss();
            long keys = ks.totalKeys();
            long net = used > Memory.STARTUP ? used - Memory.STARTUP : 1;
            long dataset = Math.max(0, used - overhead);
            int withKeys = 0;
            for (int db = 0; db < ks.databases(); db++) {
                if (ks.db(db).size() > 0) {
                    withKeys++;
                }
            }
            RespWriter w = c.reply();
            w.map(27 + withKeys);
            entry(w, "peak.allocated", peak);
            entry(w, "total.allocated", used);
            entry(w, "startup.allocated", Memory.STARTUP);
            entry(w, "replication.backlog", 0);
            entry(w, "clients.slaves", 0);
            entry(w, "clients.normal", 0);
            entry(w, "cluster.links", 0);
            entry(w, "aof.buffer", 0);
            entry(w, "lua.caches", 0);
            entry(w, "functions.caches", 0);
            for (int db = 0; db < ks.databases(); db++) {
                if (ks.db(db).size() == 0) {
                    continue;
                }
                w.bulk("db." + db);
                w.map(3);
                entry(w, "overhead.hashtable.main", m.mainTableOverhead(db));
                entry(w, "overhead.hashtable.expires", m.expiresTableOverhead(db));
                entry(w, "overhead.hashtable.slot-to-keys", 0);
            }
            entry(w, "overhead.total", overhead);
            entry(w, "keys.count", keys);
            entry(w, "keys.bytes-per-key", keys == 0 ? 0 : net / keys);
            entry(w, "dataset.bytes", dataset);
            w.bulk("dataset.percentage");
            w.doubleValue((float) (dataset * 100.0 / net));
            w.bulk("peak.percentage");
            w.doubleValue((float) (used * 100.0 / peak));
            entry(w, "allocator.allocated", used);
            entry(w, "allocator.active", used);
            entry(w, "allocator.resident", rss);
            w.bulk("allocator-fragmentation.ratio");
            w.doubleValue(1.0);
            entry(w, "allocator-fragmentation.bytes", 0);
            w.bulk("allocator-rss.ratio");
            w.doubleValue((float) ((double) rss / used));
            entry(w, "allocator-rss.bytes", rss - used);
            w.bulk("rss-overhead.ratio");
            w.doubleValue(1.0);
            entry(w, "rss-overhead.bytes", 0);
            w.bulk("fragmentation");
            w.doubleValue((float) ((double) rss / used));
            entry(w, "fragmentation.bytes", rss - used);
        }

        private static void entry(RespWriter w, String name, long value) {
            w.bulk(name);
            w.integer(value);
        }
    }

    /** {@code MEMORY DOCTOR}: Redis's getMemoryDoctorReport, for what pyredis can measure. */
    static final class Doctor extends BuiltinCommand {
        static final String EMPTY = "Hi Sam, this instance is empty or is using very little memory, "
                + "my issues detector can't be used in these conditions. "
                + "Please, leave for your mission on Earth and fill it with some data. "
                + "The new Sam and I will be back to our programming as soon as I "
                + "finished rebooting.\n";
        static final String FINE = "Hi Sam, I can't find any memory issue in your instance. "
                + "I can only account for what occurs on this base.\n";
        static final String PEAK = " * Peak memory: In the past this instance used more than 150% the memory that is "
                + "currently using. The allocator is normally not able to release memory after a peak, so you can "
                + "expect to see a big fragmentation ratio, however this is actually harmless and is only due to the "
                + "memory peak, and if the Redis instance Resident Set Size (RSS) is currently bigger than expected, "
                + "the memory will be used as soon as you fill the Redis instance with more data. If the memory peak "
                + "was only occasional and you want to try to reclaim memory, please try the MEMORY PURGE command, "
                + "otherwise the only other option is to shutdown and restart the instance.\n\n";

        Doctor(ServerContext server) {
            super(server, "memory|doctor");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            Memory m = server.memory();
            long used = m.used();
            String report;
            if (used < 5L * 1024 * 1024) {
                report = EMPTY;
            } else if ((float) m.peak() / used > 1.5) {
                // The JVM's fragmentation and RSS are not the allocator's: only the peak check applies.
                report = "Sam, I detected a few issues in this Redis instance memory implants:\n\n" + PEAK
                        + "I'm here to keep you safe, Sam. I want to help you.\n";
            } else {
                report = FINE;
            }
            c.reply().verbatim("txt", report.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** {@code MEMORY MALLOC-STATS}: what Redis answers when not built with jemalloc. */
    static final class MallocStats extends BuiltinCommand {
        MallocStats(ServerContext server) {
            super(server, "memory|malloc-stats");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            c.reply().bulk("Stats not supported for the current allocator");
        }
    }

    /** {@code MEMORY PURGE}: OK; the JVM returns heap to the system on its own. */
    static final class Purge extends BuiltinCommand {
        Purge(ServerContext server) {
            super(server, "memory|purge");
        }

        @Override
        protected void execute(CallContext c, byte[][] args) {
            c.reply().ok();
        }
    }

}
