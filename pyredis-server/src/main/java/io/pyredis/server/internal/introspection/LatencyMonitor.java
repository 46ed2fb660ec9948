package io.pyredis.server.internal.introspection;

import io.pyredis.api.CommandFlag;
import io.pyredis.core.client.Client;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.exec.CallObserver;
import io.pyredis.core.exec.CallUnit;
import io.pyredis.core.stats.LatencyHistogram;
import io.pyredis.server.internal.config.ServerConfig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Redis's latency monitor (latency.c): for each event ("command", "fast-command",
 * "expire-cycle", "aof-write", ...) the latest 160 samples of at least {@code
 * latency-monitor-threshold} ms, one per second (the worst of that second), and the all
 * time high. As an observer it also records each command's latency histogram (Redis's
 * updateCommandLatencyHistogram, when {@code latency-tracking} is on).
 */
public final class LatencyMonitor implements CallObserver {

    /** Redis's LATENCY_TS_LEN. */
    static final int TS_LEN = 160;

    /** One event's samples: a ring of (unix second, ms) and the all time high. */
    public static final class Series {
        final int[] time = new int[TS_LEN];
        final int[] latency = new int[TS_LEN];
        int idx;
        int max;

        /** The newest sample's index. */
        int last() {
            return (idx + TS_LEN - 1) % TS_LEN;
        }
    }

    private final ServerConfig config;
    private final Map<String, Series> events = new LinkedHashMap<>();

    public LatencyMonitor(ServerConfig config) {
        this.config = config;
    }

    @Override
    public void called(Client c, CommandEntry e, byte[][] args, int db, long nanos, int flags, boolean blocked,
                       boolean unblocked) {
        // Redis measures calls in microseconds; the histogram gets them as nanoseconds.
        long micros = nanos / 1000;
        if ((flags & CallUnit.CALL_STATS) != 0 || unblocked) {
            // A served blocked command is Redis's updateStatsOnUnblock: its own event.
            addSampleIfNeeded(unblocked ? "command-unblocking"
                    : e.flags().contains(CommandFlag.FAST) ? "fast-command" : "command", micros / 1000);
            if (!blocked && config.latencyTracking.isOn()) {
                LatencyHistogram h = e.latencyHistogram;
                if (h == null) {
                    h = new LatencyHistogram();
                    e.latencyHistogram = h;
                }
                h.record(micros * 1000);
            }
        }
    }

    /** latencyAddSampleIfNeeded: records {@code millis} for {@code event} when monitoring is on and it reaches the threshold. */
    public void addSampleIfNeeded(String event, long millis) {
        long threshold = config.latencyMonitorThreshold.intValue();
        if (threshold != 0 && millis >= threshold) {
            addSample(event, millis);
        }
    }

    /** latencyAddSample */
    void addSample(String event, long millis) {
        Series ts = events.computeIfAbsent(event, k -> new Series());
        int now = (int) (System.currentTimeMillis() / 1000);
        int latency = (int) Math.min(millis, Integer.MAX_VALUE);
        if (latency > ts.max) {
            ts.max = latency;
        }
        int prev = ts.last();
        if (ts.time[prev] == now) {
            if (latency > ts.latency[prev]) {
                ts.latency[prev] = latency;
            }
            return;
        }
        ts.time[ts.idx] = now;
        ts.latency[ts.idx] = latency;
        ts.idx = (ts.idx + 1) % TS_LEN;
    }

    /** The events with samples, in the order they first occurred. */
    public Map<String, Series> events() {
        return Collections.unmodifiableMap(events);
    }

    /** latencyResetEvent: forgets {@code event} (all events when null); returns how many were forgotten. */
    public int reset(String event) {
        if (event == null) {
            int n = events.size();
            events.clear();
            return n;
        }
        return events.remove(event) != null ? 1 : 0;
    }

    /** The samples of {@code s}, oldest first, as (unix second, ms) pairs. */
    public static void samples(Series s, SampleSink sink) {
        for (int j = 0; j < TS_LEN; j++) {
            int i = (s.idx + j) % TS_LEN;
            if (s.time[i] != 0) {
                sink.sample(s.time[i], s.latency[i]);
            }
        }
    }

    /** Receives samples. */
    public interface SampleSink {
        void sample(int unixSeconds, int millis);
    }

    /** The newest sample's time and latency, and the all time high, of {@code s}. */
    public static int[] latest(Series s) {
        int last = s.last();
        return new int[] {s.time[last], s.latency[last], s.max};
    }

    /** createLatencyReport: LATENCY DOCTOR's text. */
    public String doctor() {
        long threshold = config.latencyMonitorThreshold.intValue();
        if (events.isEmpty() && threshold == 0) {
            return "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may "
                    + "use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we "
                    + "weren't in a deep space mission I'd suggest to take a look at "
                    + "https://redis.io/topics/latency-monitor.\n";
        }
        StringBuilder r = new StringBuilder();
        boolean slowlogEnabled = false;
        boolean slowlogTuning = false;
        boolean slowlogInspect = false;
        boolean scheduler = false;
        boolean largeObjects = false;
        int advices = 0;
        int eventnum = 0;
        long slower = config.slowlogLogSlowerThan.intValue();
        long now = System.currentTimeMillis() / 1000;
        for (Map.Entry<String, Series> en : events.entrySet()) {
            String event = en.getKey();
            Series ts = en.getValue();
            eventnum++;
            if (eventnum == 1) {
                r.append("Dave, I have observed latency spikes in this Redis instance. You don't mind talking "
                        + "about it, do you Dave?\n\n");
            }
            // analyzeLatencyForEvent
            int samples = 0;
            long sum = 0;
            long period = 0;
            for (int j = 0; j < TS_LEN; j++) {
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
                for (int j = 0; j < TS_LEN; j++) {
                    if (ts.time[j] != 0) {
                        dev += Math.abs(avg - ts.latency[j]);
                    }
                }
                mad = dev / samples;
            }
            r.append(String.format(java.util.Locale.ROOT,
                    "%d. %s: %d latency spikes (average %dms, mean deviation %dms, period %.2f sec). Worst all "
                            + "time event %dms.",
                    eventnum, event, samples, avg, mad, (double) period / samples, ts.max));
            if (event.equalsIgnoreCase("command")) {
                if (slower < 0) {
                    slowlogEnabled = true;
                    advices++;
                } else if (slower / 1000 > threshold) {
                    slowlogTuning = true;
                    advices++;
                }
                slowlogInspect = true;
                largeObjects = true;
                advices += 2;
            }
            if (event.equalsIgnoreCase("fast-command")) {
                scheduler = true;
                advices++;
            }
            r.append('\n');
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
            if (slowlogEnabled) {
                r.append("- There are latency issues with potentially slow commands you are using. Try to enable "
                        + "the Slow Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than ")
                        .append(threshold * 1000).append("'. If the Slow log is disabled Redis is not able to log "
                                + "slow commands execution for you.\n");
            }
            if (slowlogTuning) {
                r.append("- Your current Slow Log configuration only logs events that are slower than your "
                        + "configured latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than ")
                        .append(threshold * 1000).append("'.\n");
            }
            if (slowlogInspect) {
                r.append("- Check your Slow Log to understand what are the commands you are running which are too "
                        + "slow to execute. Please check https://redis.io/commands/slowlog for more information.\n");
            }
            if (scheduler) {
                r.append("- The system is slow to execute Redis code paths not containing system calls. This "
                        + "usually means the system does not provide Redis CPU time to run for long periods. You "
                        + "should try to:\n"
                        + "  1) Lower the system load.\n"
                        + "  2) Use a computer / VM just for Redis if you are running other software in the same "
                        + "system.\n"
                        + "  3) Check if you have a \"noisy neighbour\" problem.\n"
                        + "  4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your "
                        + "system.\n"
                        + "  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if "
                        + "you are using Jemalloc. However this may create fragmentation problems.\n");
            }
            if (largeObjects) {
                r.append("- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking "
                        + "operation. If you have very large objects that are often deleted, expired, or evicted, "
                        + "try to fragment those objects into multiple smaller objects.\n");
            }
        }
        return r.toString();
    }

    /** latencyCommandGenSparkeline: LATENCY GRAPH's text for {@code event}. */
    public static String graph(String event, Series ts) {
        Sparkline seq = new Sparkline();
        long min = 0;
        long max = 0;
        long now = System.currentTimeMillis() / 1000;
        for (int j = 0; j < TS_LEN; j++) {
            int i = (ts.idx + j) % TS_LEN;
            if (ts.time[i] == 0) {
                continue;
            }
            if (seq.length() == 0) {
                min = max = ts.latency[i];
            } else {
                max = Math.max(max, ts.latency[i]);
                min = Math.min(min, ts.latency[i]);
            }
            long elapsed = now - ts.time[i];
            String label = elapsed < 60 ? elapsed + "s" : elapsed < 3600 ? elapsed / 60 + "m"
                    : elapsed < 3600 * 24 ? elapsed / 3600 + "h" : elapsed / (3600 * 24) + "d";
            seq.add(ts.latency[i], label);
        }
        StringBuilder g = new StringBuilder();
        g.append(event).append(" - high ").append(max).append(" ms, low ").append(min)
                .append(" ms (all time high ").append(ts.max).append(" ms)\n");
        g.append("-".repeat(80)).append('\n');
        seq.render(g, 80, 4, true);
        return g.toString();
    }
}
