package io.pyredis.core.stats;

/**
 * Server-wide counters INFO reports. Written only on the event loop thread (plain fields,
 * no atomics on the hot path); other threads may read slightly stale values.
 */
public final class ServerStats {

    /** Redis's STATS_METRIC_SAMPLES: instantaneous metrics average this many samples. */
    private static final int SAMPLES = 16;
    /** Redis samples instantaneous metrics every 100 ms (serverCron's run_with_period(100)). */
    private static final long SAMPLE_PERIOD_MILLIS = 100;

    /** total_connections_received */
    public long totalConnectionsReceived;
    /** rejected_connections (maxclients) */
    public long rejectedConnections;
    /** total_commands_processed */
    public long totalCommandsProcessed;
    /** total_net_input_bytes */
    public long totalNetInputBytes;
    /** total_net_output_bytes */
    public long totalNetOutputBytes;
    /** total_net_repl_output_bytes: the replication stream and RDB payloads sent to replicas */
    public long totalNetReplOutputBytes;
    /** sync_full, sync_partial_ok, sync_partial_err: SYNC/PSYNC requests of replicas and how they were served */
    public long syncFull;
    public long syncPartialOk;
    public long syncPartialErr;
    /** total_reads_processed / total_writes_processed: reads from and writes to client connections. */
    public long totalReadsProcessed;
    public long totalWritesProcessed;
    /** total_error_replies: errors the dispatcher wrote (rejections and thrown RedisErrors) */
    public long totalErrorReplies;
    /** unexpected_error_replies: commands that failed with a bug rather than a RedisError */
    public long unexpectedErrorReplies;

    /** used_memory_peak: the most used_memory seen (the server's memory accounting notes it) */
    public long usedMemoryPeak;

    /** Redis's errorstats: at most this many distinct error codes are counted. */
    private static final int MAX_ERROR_CODES = 128;
    private final java.util.Map<String, long[]> errorCounts = new java.util.LinkedHashMap<>();

    private final long[] opsSamples = new long[SAMPLES];
    private final long[] inputSamples = new long[SAMPLES];
    private final long[] outputSamples = new long[SAMPLES];
    private int sampleIndex;
    private long lastSampleMillis = -1;
    private long lastOps;
    private long lastInput;
    private long lastOutput;

    /** Takes an instantaneous-metrics sample when 100 ms have passed; called from the cron. */
    public void sample(long nowMillis) {
        if (lastSampleMillis < 0) {
            lastSampleMillis = nowMillis;
            lastOps = totalCommandsProcessed;
            lastInput = totalNetInputBytes;
            lastOutput = totalNetOutputBytes;
            return;
        }
        long dt = nowMillis - lastSampleMillis;
        if (dt < SAMPLE_PERIOD_MILLIS) {
            return;
        }
        opsSamples[sampleIndex] = (totalCommandsProcessed - lastOps) * 1000 / dt;
        inputSamples[sampleIndex] = (totalNetInputBytes - lastInput) * 1000 / dt;
        outputSamples[sampleIndex] = (totalNetOutputBytes - lastOutput) * 1000 / dt;
        sampleIndex = (sampleIndex + 1) % SAMPLES;
        lastSampleMillis = nowMillis;
        lastOps = totalCommandsProcessed;
        lastInput = totalNetInputBytes;
        lastOutput = totalNetOutputBytes;
    }

    /**
     * Counts an error reply: total_error_replies, and errorstat_{@code code} (the error's
     * first word, as Redis's errorstats). Not on the hot path: only errors come here.
     */
    public void errorReply(String code) {
        totalErrorReplies++;
        long[] n = errorCounts.get(code);
        if (n == null) {
            if (errorCounts.size() >= MAX_ERROR_CODES) {
                return;
            }
            n = new long[1];
            errorCounts.put(code, n);
        }
        n[0]++;
    }

    /** The error counts by code, in the order first seen (INFO errorstats). */
    public java.util.Map<String, long[]> errorCounts() {
        return errorCounts;
    }

    /** instantaneous_ops_per_sec */
    public long instantaneousOpsPerSec() {
        return average(opsSamples);
    }

    /** instantaneous_input_kbps, in bytes per second (INFO divides by 1024) */
    public long instantaneousInputBytesPerSec() {
        return average(inputSamples);
    }

    /** instantaneous_output_kbps, in bytes per second (INFO divides by 1024) */
    public long instantaneousOutputBytesPerSec() {
        return average(outputSamples);
    }

    private static long average(long[] samples) {
        long sum = 0;
        for (long s : samples) {
            sum += s;
        }
        return sum / samples.length;
    }

    /** CONFIG RESETSTAT */
    public void reset() {
        totalConnectionsReceived = 0;
        rejectedConnections = 0;
        totalCommandsProcessed = 0;
        totalNetInputBytes = 0;
        totalNetOutputBytes = 0;
        totalNetReplOutputBytes = 0;
        syncFull = 0;
        syncPartialOk = 0;
        syncPartialErr = 0;
        totalReadsProcessed = 0;
        totalWritesProcessed = 0;
        totalErrorReplies = 0;
        unexpectedErrorReplies = 0;
        errorCounts.clear();
        usedMemoryPeak = 0;
        java.util.Arrays.fill(opsSamples, 0);
        java.util.Arrays.fill(inputSamples, 0);
        java.util.Arrays.fill(outputSamples, 0);
        lastSampleMillis = -1;
    }
}
