package io.pyredis.server.internal.introspection;

import io.pyredis.server.internal.config.ServerConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * LATENCY DOCTOR's report, as latency.c's createLatencyReport: a line per event with its
 * statistics, then the advices its events call for, in Redis's order and words.
 */
final class LatencyDoctor {

    /** Redis's advise_* flags, in the order the report prints them. */
    enum Advice {
        BETTER_VM("- If you are using a virtual machine, consider upgrading it with a faster one using a hypervisior "
                + "that provides less latency during fork() calls. Xen is known to have poor fork() performance. "
                + "Even in the context of the same VM provider, certain kinds of instances can execute fork "
                + "faster than others.\n"),
        SLOWLOG_ENABLED("- There are latency issues with potentially slow commands you are using. Try to enable the "
                + "Slow Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than %d'. If the "
                + "Slow log is disabled Redis is not able to log slow commands execution for you.\n"),
        SLOWLOG_TUNING("- Your current Slow Log configuration only logs events that are slower than your configured "
                + "latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than %d'.\n"),
        SLOWLOG_INSPECT("- Check your Slow Log to understand what are the commands you are running which are too "
                + "slow to execute. Please check https://redis.io/commands/slowlog for more information.\n"),
        SCHEDULER("- The system is slow to execute Redis code paths not containing system calls. This usually "
                + "means the system does not provide Redis CPU time to run for long periods. You should try "
                + "to:\n  1) Lower the system load.\n  2) Use a computer / VM just for Redis if you are running "
                + "other software in the same system.\n  3) Check if you have a \"noisy neighbour\" problem.\n "
                + " 4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your "
                + "system.\n  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, "
                + "if you are using Jemalloc. However this may create fragmentation problems.\n"),
        LOCAL_DISK("- It is strongly advised to use local disks for persistence, especially if you are using "
                + "AOF. Remote disks provided by platform-as-a-service providers are known to be slow.\n"),
        SSD("- SSD disks are able to reduce fsync latency, and total time needed for snapshotting and "
                + "AOF log rewriting (resulting in smaller memory usage). With extremely high write load SSD "
                + "disks can be a good option. However Redis should perform reasonably with high load using "
                + "normal disks. Use this advice as a last resort.\n"),
        DATA_WRITEBACK("- Mounting ext3/4 filesystems with data=writeback can provide a performance boost compared "
                + "to data=ordered, however this mode of operation provides less guarantees, and sometimes "
                + "it can happen that after a hard crash the AOF file will have a half-written command at the "
                + "end and will require to be repaired before Redis restarts.\n"),
        DISK_CONTENTION("- Try to lower the disk contention. This is often caused by other disk intensive processes "
                + "running in the same computer (including other Redis instances).\n"),
        NO_APPENDFSYNC("- Assuming from the point of view of data safety this is viable in your environment, you "
                + "could try to enable the 'no-appendfsync-on-rewrite' option, so that fsync will not be performed "
                + "while there is a child rewriting the AOF file or producing an RDB file (the moment where "
                + "there is high disk contention).\n"),
        RELAX_FSYNC_POLICY("- Your fsync policy is set to 'always'. It is very hard to get good performances with such "
                + "a setup, if possible try to relax the fsync policy to 'onesec'.\n"),
        WRITE_LOAD_INFO("- Latency during the AOF atomic rename operation or when the final difference is flushed "
                + "to the AOF file at the end of the rewrite, sometimes is caused by very high write load, "
                + "causing the AOF buffer to get very large. If possible try to send less commands to accomplish "
                + "the same work, or use Lua scripts to group multiple operations into a single EVALSHA call.\n"),
        HZ("- In order to make the Redis keys expiring process more incremental, try to set the 'hz' "
                + "configuration parameter to 100 using 'CONFIG SET hz 100'.\n"),
        LARGE_OBJECTS("- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking "
                + "operation. If you have very large objects that are often deleted, expired, or evicted, try "
                + "to fragment those objects into multiple smaller objects.\n"),
        MASS_EVICTION("- Sudden changes to the 'maxmemory' setting via 'CONFIG SET', or allocation of large objects "
                + "via sets or sorted sets intersections, STORE option of SORT, Redis Cluster large keys migrations "
                + "(RESTORE command), may create sudden memory pressure forcing the server to block trying "
                + "to evict keys. \n"),
        DISABLE_THP("- I detected a non zero amount of anonymous huge pages used by your process. This creates "
                + "very serious latency events in different conditions, especially when Redis is persisting "
                + "on disk. To disable THP support use the command 'echo never > /sys/kernel/mm/transparent_hugepage/enabled', "
                + "make sure to also add it into /etc/rc.local so that the command will be executed again after "
                + "a reboot. Note that even if you have already disabled THP, you still need to restart the "
                + "Redis process to get rid of the huge pages already created.\n");

        final String text;

        Advice(String text) {
            this.text = text;
        }
    }

    private LatencyDoctor() {
    }

    static String report(Map<String, LatencyMonitor.Series> events, ServerConfig config) {
        long threshold = config.latencyMonitorThreshold.longValue();
        if (events.isEmpty() && threshold == 0) {
            return "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may "
                    + "use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we "
                    + "weren't in a deep space mission I'd suggest to take a look at "
                    + "https://redis.io/topics/latency-monitor.\n";
        }
        StringBuilder r = new StringBuilder();
        Set<Advice> advise = EnumSet.noneOf(Advice.class);
        int advices = 0;
        int eventnum = 0;
        long slower = config.slowlogLogSlowerThan.longValue();
        long now = System.currentTimeMillis() / 1000;
        for (Map.Entry<String, LatencyMonitor.Series> en : events.entrySet()) {
            String event = en.getKey();
            LatencyMonitor.Series ts = en.getValue();
            eventnum++;
            if (eventnum == 1) {
                r.append("Dave, I have observed latency spikes in this Redis instance. You don't mind talking "
                        + "about it, do you Dave?\n\n");
            }
            long[] ls = analyze(ts, now);
            r.append(String.format(Locale.ROOT, "%d. %s: %d latency spikes (average %dms, mean deviation %dms, "
                    + "period %.2f sec). Worst all time event %dms.", eventnum, event, ls[0], ls[1], ls[2],
                    (double) ls[3] / ls[0], ts.max));
            switch (event.toLowerCase(Locale.ROOT)) {
                case "command" -> {
                    if (slower < 0) {
                        advise.add(Advice.SLOWLOG_ENABLED);
                        advices++;
                    } else if (slower / 1000 > threshold) {
                        advise.add(Advice.SLOWLOG_TUNING);
                        advices++;
                    }
                    advices += add(advise, Advice.SLOWLOG_INSPECT, Advice.LARGE_OBJECTS);
                }
                case "fast-command" -> advices += add(advise, Advice.SCHEDULER);
                case "aof-write-pending-fsync" -> advices += add(advise, Advice.LOCAL_DISK, Advice.DISK_CONTENTION,
                        Advice.SSD, Advice.DATA_WRITEBACK);
                case "aof-write-active-child" -> advices += add(advise, Advice.NO_APPENDFSYNC, Advice.DATA_WRITEBACK,
                        Advice.SSD);
                case "aof-write-alone" -> advices += add(advise, Advice.LOCAL_DISK, Advice.DATA_WRITEBACK, Advice.SSD);
                case "aof-fsync-always" -> advices += add(advise, Advice.RELAX_FSYNC_POLICY);
                case "aof-fstat", "rdb-unlink-temp-file" -> advices += add(advise, Advice.DISK_CONTENTION,
                        Advice.LOCAL_DISK);
                case "aof-rewrite-diff-write", "aof-rename" -> advices += add(advise, Advice.WRITE_LOAD_INFO,
                        Advice.DATA_WRITEBACK, Advice.SSD, Advice.LOCAL_DISK);
                case "expire-cycle" -> advices += add(advise, Advice.HZ, Advice.LARGE_OBJECTS);
                case "eviction-del" -> advices += add(advise, Advice.LARGE_OBJECTS);
                case "eviction-cycle" -> advices += add(advise, Advice.MASS_EVICTION);
                default -> {
                }
            }
            r.append('\n');
        }
        if (anonHugePages() > 0) {
            advices += add(advise, Advice.DISABLE_THP);
        }
        if (eventnum == 0 && advices == 0) {
            r.append("Dave, no latency spike was observed during the lifetime of this Redis instance, not in the "
                    + "slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think "
                    + "things over.\n");
        } else if (eventnum > 0 && advices == 0) {
            r.append("\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use the "
                    + "Redis community to get some help, providing this report in your help request.\n");
        } else {
            r.append("\nI have a few advices for you:\n\n");
            for (Advice a : advise) {
                if (a == Advice.RELAX_FSYNC_POLICY && !config.appendfsync.value().equals("always")) {
                    continue;
                }
                if (a == Advice.HZ && config.hz.intValue() >= 100) {
                    continue;
                }
                r.append(a == Advice.SLOWLOG_ENABLED || a == Advice.SLOWLOG_TUNING
                        ? String.format(Locale.ROOT, a.text, threshold * 1000) : a.text);
            }
        }
        return r.toString();
    }

    private static int add(Set<Advice> set, Advice... a) {
        set.addAll(List.of(a));
        return a.length;
    }

    /** analyzeLatencyForEvent: samples, average, mean deviation, period (seconds since the oldest sample). */
    private static long[] analyze(LatencyMonitor.Series ts, long now) {
        long samples = 0;
        long sum = 0;
        long period = 0;
        for (int j = 0; j < LatencyMonitor.TS_LEN; j++) {
            if (ts.time[j] == 0) {
                continue;
            }
            samples++;
            sum += ts.latency[j];
            if (period == 0 || ts.time[j] < period) {
                period = ts.time[j];
            }
        }
        long avg = 0;
        long mad = 0;
        if (samples > 0) {
            avg = sum / samples;
            period = now - period;
            if (period == 0) {
                period = 1;
            }
            long dev = 0;
            for (int j = 0; j < LatencyMonitor.TS_LEN; j++) {
                if (ts.time[j] != 0) {
                    dev += Math.abs(avg - ts.latency[j]);
                }
            }
            mad = dev / samples;
        }
        return new long[] {samples, avg, mad, period};
    }

    /** THPGetAnonHugePagesSize: this process's AnonHugePages in kB, 0 when unknown. */
    private static long anonHugePages() {
        try {
            long kb = 0;
            for (String l : Files.readAllLines(Path.of("/proc/self/smaps"))) {
                if (l.startsWith("AnonHugePages:")) {
                    kb += Long.parseLong(l.substring(14).trim().split("\\s+")[0]);
                }
            }
            return kb;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
