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
            long threshold = config.latencyMonitorThreshold.longValue();
            if (threshold != 0 && micros / 1000 >= threshold) {
                addSample(unblocked ? "command-unblocking"
                        : e.flags().contains(CommandFlag.FAST) ? "fast-command" : "command", micros / 1000);
            }
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
        long threshold = config.latencyMonitorThreshold.longValue();
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
        return LatencyDoctor.report(events, config);
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
