package io.pyredis.server.internal;

import io.pyredis.core.stats.ServerStats;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.storage.EvictionPolicy;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.MemoryUsage;

/**
 * used_memory and maxmemory, as Redis's zmalloc accounting and evict.c see them. The figure
 * is {@link #STARTUP} plus the dataset as Redis would lay it out ({@link
 * Keyspace#datasetMemory}, kept up to date on every write), not the JVM heap, which holds
 * garbage until the collector runs: so eviction frees what it meant to, and a dataset of a
 * given size shows a steady figure.
 */
public final class Memory {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Memory.class);

    /**
     * What Redis 7.0.15 counts before it holds any data (its used_memory_startup on a 64-bit
     * Linux build): pyredis's own fixed cost is not Redis's, but the dataset's share is
     * compared with this base by the tools and tests that read INFO.
     */
    public static final long STARTUP = 876_152;

    private final ServerConfig config;
    private final Keyspace keyspace;
    private final ServerStats stats;
    private EvictionPolicy policy;
    private final io.pyredis.core.loop.Loop loop;
    /** What follows eviction outside a command: the evicted events published, as after a command. */
    private final Runnable afterEviction;
    /** Redis's isEvictionProcRunning: evicting goes on from the loop until under the limit or stuck. */
    private boolean evictionProcRunning;
    /** Whether CLIENT PAUSE holds the dataset still: no eviction then, as no expiry. */
    private final java.util.function.BooleanSupplier paused;
    private final HeapGuard heap = new HeapGuard();

    Memory(ServerConfig config, Keyspace keyspace, ServerStats stats, io.pyredis.core.loop.Loop loop,
           Runnable afterEviction, java.util.function.BooleanSupplier paused) {
        this.paused = paused;
        this.config = config;
        this.keyspace = keyspace;
        this.stats = stats;
        this.loop = loop;
        this.afterEviction = afterEviction;
        // As updateMaxmemory: a new limit starts the eviction timer, which evicts after the CONFIG SET.
        config.maxmemory.onChange(this::updateMaxmemory);
        this.policy = EvictionPolicy.of(config.maxmemoryPolicy.value());
        config.maxmemoryPolicy.onChange(v -> policy = EvictionPolicy.of(v));
        keyspace.lfuParameters(config.lfuLogFactor.intValue(), config.lfuDecayTime.intValue());
        config.lfuLogFactor.onChange(v -> keyspace.lfuParameters(config.lfuLogFactor.intValue(), config.lfuDecayTime.intValue()));
        config.lfuDecayTime.onChange(v -> keyspace.lfuParameters(config.lfuLogFactor.intValue(), config.lfuDecayTime.intValue()));
        bindLazyFree();
    }

    private void bindLazyFree() {
        Runnable apply = () -> keyspace.lazyFreeOptions(config.lazyfreeLazyExpire.isOn(),
                config.lazyfreeLazyServerDel.isOn());
        apply.run();
        config.lazyfreeLazyExpire.onChange(v -> apply.run());
        config.lazyfreeLazyServerDel.onChange(v -> apply.run());
    }

    /** used_memory, noted for used_memory_peak. */
    public long used() {
        long used = STARTUP + keyspace.datasetMemory();
        if (used > stats.usedMemoryPeak) {
            stats.usedMemoryPeak = used;
        }
        return used;
    }

    /**
     * used_memory_rss: the process's resident set, as Redis reads it from /proc (VmRSS of
     * /proc/self/status); where there is no /proc, the heap the JVM has committed.
     */
    public static long rss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: below
        }
        return Runtime.getRuntime().totalMemory();
    }

    /** used_memory_peak. */
    public long peak() {
        return Math.max(stats.usedMemoryPeak, used());
    }

    /**
     * used_memory_overhead: the startup figure plus the databases' hash tables (a bucket
     * pointer and a dictEntry per key, the same for the expires table), as Redis's
     * getMemoryOverheadData.
     */
    public long overhead() {
        long o = STARTUP;
        for (int db = 0; db < keyspace.databases(); db++) {
            o += mainTableOverhead(db) + expiresTableOverhead(db);
        }
        return o;
    }

    /** MEMORY STATS's db.N overhead.hashtable.main. */
    public long mainTableOverhead(int db) {
        long n = keyspace.db(db).size();
        return n * MemoryUsage.DICT_ENTRY + slots(n) * 8;
    }

    /** MEMORY STATS's db.N overhead.hashtable.expires. */
    public long expiresTableOverhead(int db) {
        long n = keyspace.db(db).expiresSize();
        return n * MemoryUsage.DICT_ENTRY + slots(n) * 8;
    }

    private static long slots(long n) {
        if (n == 0) {
            return 0;
        }
        return n <= 4 ? 4 : Long.highestOneBit(n - 1) << 1;
    }

    /** The heap's own limit, which holds with or without maxmemory. */
    public HeapGuard heap() {
        return heap;
    }

    /** The maxmemory-policy in force. */
    public EvictionPolicy policy() {
        return policy;
    }

    /**
     * Whether the heap is nearly exhausted ({@link HeapGuard}), or processCommand's
     * {@code performEvictions() == EVICT_FAIL}: with maxmemory set and
     * used_memory above it, evicts as the policy allows (within the time maxmemory-eviction-
     * tenacity gives) and answers whether memory is still over with nothing left to evict.
     */
    public boolean outOfMemory() {
        if (heap.full()) {
            return true;
        }
        long max = config.maxmemory.longValue();
        if (max == 0) {
            return false;
        }
        return performEvictions(max) == Keyspace.EVICT_FAIL;
    }

    private int performEvictions(long max) {
        long used = used();
        // As performEvictions: while clients are paused the dataset stays as it is, from the
        // point of view of evictions too.
        if (used <= max || paused.getAsBoolean()) {
            return Keyspace.EVICT_OK;
        }
        int r = keyspace.performEvictions(used, max, policy, config.maxmemorySamples.intValue(),
                config.lazyfreeLazyEviction.isOn(), timeLimitMicros(config.maxmemoryEvictionTenacity.intValue()));
        if (r == Keyspace.EVICT_RUNNING) {
            startEvictionTimeProc();
        }
        return r;
    }

    /** Redis's updateMaxmemory: a warning when the new limit is below what is used, then the eviction timer. */
    private void updateMaxmemory(long max) {
        if (max == 0) {
            return;
        }
        long used = used();
        if (max < used) {
            LOG.warn("WARNING: the new maxmemory value set via CONFIG SET ({}) is smaller than the current memory "
                    + "usage ({}). This will result in key eviction and/or the inability to accept new write "
                    + "commands depending on the maxmemory-policy.", max, used);
        }
        startEvictionTimeProc();
    }

    /** Redis's startEvictionTimeProc: evict from the loop, outside any command, until done. */
    private void startEvictionTimeProc() {
        if (!evictionProcRunning) {
            evictionProcRunning = true;
            loop.execute(this::evictionTimeProc);
        }
    }

    /** Redis's evictionTimeProc: one performEvictions, again on the next turn of the loop while it runs out of time. */
    private void evictionTimeProc() {
        evictionProcRunning = false;
        long max = config.maxmemory.longValue();
        if (max == 0) {
            return;
        }
        keyspace.refreshTime();
        performEvictions(max);
        afterEviction.run();
    }

    /** Redis's evictionTimeLimitUs: how long one performEvictions may run, by maxmemory-eviction-tenacity. */
    static long timeLimitMicros(int tenacity) {
        if (tenacity <= 10) {
            return 50L * tenacity;
        }
        if (tenacity < 100) {
            return (long) (500.0 * Math.pow(1.15, tenacity - 10.0));
        }
        return Long.MAX_VALUE;
    }
}
