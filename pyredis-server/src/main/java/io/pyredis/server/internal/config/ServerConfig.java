package io.pyredis.server.internal.config;

import io.pyredis.storage.EncodingLimits;

import java.nio.file.Path;
import java.util.List;

/**
 * The server's own parameters, with Redis 7.0's defaults, registered in one
 * {@link ConfigRegistry}. Typed fields for the server's code; the registry for lookups by
 * name. Other parts (persistence, memory) register theirs in the same registry.
 */
public final class ServerConfig {

    /** Redis's loglevel words, least to most severe. */
    public static final List<String> LOG_LEVELS = List.of("debug", "verbose", "notice", "warning");

    public final ConfigRegistry registry = new ConfigRegistry();

    /** The JSON file the server was started from (CONFIG REWRITE writes it back; INFO config_file), or null. */
    public volatile Path configFile;

    public final ListParam bind = registry.register(
            new ListParam("bind", false, List.of("127.0.0.1", "-::1"), false));
    public final IntParam port = registry.register(new IntParam("port", false, 6379, 0, 65535));
    public final IntParam tcpBacklog = registry.register(
            new IntParam("tcp-backlog", false, 511, 0, Integer.MAX_VALUE));
    public final IntParam tcpKeepalive = registry.register(
            new IntParam("tcp-keepalive", true, 300, 0, Integer.MAX_VALUE));
    public final IntParam databases = registry.register(
            new IntParam("databases", false, 16, 1, Integer.MAX_VALUE));
    public final IntParam hz = registry.register(new IntParam("hz", true, 10, 1, 500));
    public final IntParam maxclients = registry.register(
            new IntParam("maxclients", true, 10000, 1, Integer.MAX_VALUE));
    public final IntParam timeout = registry.register(
            new IntParam("timeout", true, 0, 0, Integer.MAX_VALUE));
    public final StringParam requirepass = registry.register(new StringParam("requirepass", true, ""));
    public final BoolParam protectedMode = registry.register(new BoolParam("protected-mode", true, true));
    public final MemoryParam protoMaxBulkLen = registry.register(
            new MemoryParam("proto-max-bulk-len", true, 512L * 1024 * 1024, 1024 * 1024, Long.MAX_VALUE));
    public final MemoryParam clientQueryBufferLimit = registry.register(
            new MemoryParam("client-query-buffer-limit", true, 1024L * 1024 * 1024, 1024 * 1024, Long.MAX_VALUE));
    public final StringParam pluginsDir = registry.register(new StringParam("plugins-dir", false, "plugins"));
    public final EnumParam loglevel = registry.register(new EnumParam("loglevel", false, "notice", LOG_LEVELS));
    public final StringParam logfile = registry.register(new StringParam("logfile", false, ""));

    // RDB persistence.
    public final StringParam dir = registry.register(new StringParam("dir", true, "./"));
    public final StringParam dbfilename = registry.register(new StringParam("dbfilename", true, "dump.rdb"));
    /**
     * Redis 7.0's guard on the configs that choose where files are written (a client that
     * may set them may write files anywhere the server can): {@code no} (the default), {@code
     * yes}, or {@code local} (clients on the loopback interface).
     */
    public final EnumParam enableProtectedConfigs = registry.register(
            new EnumParam("enable-protected-configs", false, "no", List.of("no", "yes", "local")));
    public final BoolParam rdbcompression = registry.register(new BoolParam("rdbcompression", true, true));
    public final BoolParam rdbchecksum = registry.register(new BoolParam("rdbchecksum", false, true));
    public final SaveParam save = registry.register(new SaveParam("save", true, "3600 1 300 100 60 10000"));
    public final BoolParam stopWritesOnBgsaveError = registry.register(
            new BoolParam("stop-writes-on-bgsave-error", true, true));

    // Append-only file (names, defaults and mutability as Redis 7.0.15).
    public final BoolParam appendonly = registry.register(new BoolParam("appendonly", true, false));
    public final EnumParam appendfsync = registry.register(
            new EnumParam("appendfsync", true, "everysec", List.of("everysec", "always", "no")));
    public final StringParam appendfilename = registry.register(
            new StringParam("appendfilename", false, "appendonly.aof"));
    public final StringParam appenddirname = registry.register(
            new StringParam("appenddirname", false, "appendonlydir"));
    public final BoolParam aofLoadTruncated = registry.register(new BoolParam("aof-load-truncated", true, true));
    public final BoolParam aofUseRdbPreamble = registry.register(new BoolParam("aof-use-rdb-preamble", true, true));
    public final IntParam autoAofRewritePercentage = registry.register(
            new IntParam("auto-aof-rewrite-percentage", true, 100, 0, Integer.MAX_VALUE));
    public final MemoryParam autoAofRewriteMinSize = registry.register(
            new MemoryParam("auto-aof-rewrite-min-size", true, 64L * 1024 * 1024, 0, Long.MAX_VALUE));
    public final BoolParam noAppendfsyncOnRewrite = registry.register(
            new BoolParam("no-appendfsync-on-rewrite", true, false));
    public final BoolParam aofRewriteIncrementalFsync = registry.register(
            new BoolParam("aof-rewrite-incremental-fsync", true, true));
    public final BoolParam aofTimestampEnabled = registry.register(
            new BoolParam("aof-timestamp-enabled", true, false));
    public final BoolParam aofDisableAutoGc = registry.register(new BoolParam("aof-disable-auto-gc", true, false));

    // added by branch intro
    public final IntParam slowlogLogSlowerThan = registry.register(
            new IntParam("slowlog-log-slower-than", true, 10000, -1, Integer.MAX_VALUE));
    public final IntParam slowlogMaxLen = registry.register(
            new IntParam("slowlog-max-len", true, 128, 0, Integer.MAX_VALUE));
    public final IntParam latencyMonitorThreshold = registry.register(
            new IntParam("latency-monitor-threshold", true, 0, 0, Integer.MAX_VALUE));
    public final BoolParam latencyTracking = registry.register(new BoolParam("latency-tracking", true, true));
    public final LatencyPercentilesParam latencyTrackingInfoPercentiles = registry.register(
            new LatencyPercentilesParam());

    public final NotifyEventsParam notifyKeyspaceEvents = registry.register(new NotifyEventsParam());
    public final OutputBufferLimitsParam clientOutputBufferLimit = registry.register(new OutputBufferLimitsParam());

    // Collection encoding limits (redis.conf names; applied to the keyspace by bindEncodingLimits).
    public final IntParam listMaxListpackSize = registry.register(
            new IntParam("list-max-listpack-size", true, -2, Integer.MIN_VALUE, Integer.MAX_VALUE));
    public final IntParam hashMaxListpackEntries = registry.register(
            new IntParam("hash-max-listpack-entries", true, 512, 0, Integer.MAX_VALUE));
    public final IntParam hashMaxListpackValue = registry.register(
            new IntParam("hash-max-listpack-value", true, 64, 0, Integer.MAX_VALUE));
    public final IntParam setMaxIntsetEntries = registry.register(
            new IntParam("set-max-intset-entries", true, 512, 0, Integer.MAX_VALUE));
    public final IntParam setMaxListpackEntries = registry.register(
            new IntParam("set-max-listpack-entries", true, 128, 0, Integer.MAX_VALUE));
    public final IntParam setMaxListpackValue = registry.register(
            new IntParam("set-max-listpack-value", true, 64, 0, Integer.MAX_VALUE));
    public final IntParam zsetMaxListpackEntries = registry.register(
            new IntParam("zset-max-listpack-entries", true, 128, 0, Integer.MAX_VALUE));
    public final IntParam zsetMaxListpackValue = registry.register(
            new IntParam("zset-max-listpack-value", true, 64, 0, Integer.MAX_VALUE));

    /**
     * Copies the encoding limits into {@code limits} and keeps them in step with later
     * changes (CONFIG SET); they apply to collections as they grow from then on.
     */
    public void bindEncodingLimits(EncodingLimits limits) {
        bind(listMaxListpackSize, v -> limits.listMaxListpackSize = v);
        bind(hashMaxListpackEntries, v -> limits.hashMaxListpackEntries = v);
        bind(hashMaxListpackValue, v -> limits.hashMaxListpackValue = v);
        bind(setMaxIntsetEntries, v -> limits.setMaxIntsetEntries = v);
        bind(setMaxListpackEntries, v -> limits.setMaxListpackEntries = v);
        bind(setMaxListpackValue, v -> limits.setMaxListpackValue = v);
        bind(zsetMaxListpackEntries, v -> limits.zsetMaxListpackEntries = v);
        bind(zsetMaxListpackValue, v -> limits.zsetMaxListpackValue = v);
    }

    private static void bind(IntParam p, java.util.function.IntConsumer set) {
        set.accept(p.intValue());
        p.onChange(set::accept);
    }

    /** Whether CONFIG SET of {@code p} is subject to {@link #enableProtectedConfigs} (Redis's PROTECTED_CONFIG). */
    public boolean isProtected(ConfigParam<?> p) {
        return p == dir || p == dbfilename;
    }
}
