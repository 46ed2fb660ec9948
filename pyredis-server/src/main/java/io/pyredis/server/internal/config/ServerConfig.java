package io.pyredis.server.internal.config;

import io.pyredis.server.internal.config.ConfigParam.Flag;
import io.pyredis.server.internal.config.NumericParam.Form;
import io.pyredis.server.internal.config.NumericParam.Sign;
import io.pyredis.storage.EncodingLimits;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.pyredis.server.internal.config.ConfigParam.Flag.DEBUG;
import static io.pyredis.server.internal.config.ConfigParam.Flag.DENY_LOADING;
import static io.pyredis.server.internal.config.ConfigParam.Flag.HIDDEN;
import static io.pyredis.server.internal.config.ConfigParam.Flag.IMMUTABLE;
import static io.pyredis.server.internal.config.ConfigParam.Flag.MULTI_ARG;
import static io.pyredis.server.internal.config.ConfigParam.Flag.PROTECTED;
import static io.pyredis.server.internal.config.ConfigParam.Flag.SENSITIVE;

/**
 * Every parameter of Redis 7.0.15's config table ({@code static_configs[]} in config.c,
 * TLS ones included, as Debian builds it), in its order, with its alias, flags, type,
 * bounds and default, plus pyredis's own {@code plugins-dir}; registered in one
 * {@link ConfigRegistry}. Typed fields for the server's code, the registry for lookups by
 * name. Which of them change what pyredis does, and which are accepted without effect, is
 * in config/README.md.
 */
public final class ServerConfig {

    private static final long INT_MIN = Integer.MIN_VALUE;
    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final long UINT_MAX = 0xffffffffL;
    private static final long LONG_MAX = Long.MAX_VALUE;
    /** ULLONG_MAX, as the unsigned bits of a long. */
    private static final long ULLONG_MAX = -1L;
    private static final long MB = 1024 * 1024;

    private static final Set<Flag> MOD = Set.of();
    private static final Set<Flag> IMM = Set.of(IMMUTABLE);

    /** Redis's loglevel words, least to most severe. */
    public static final List<String> LOG_LEVELS = List.of("debug", "verbose", "notice", "warning");
    /** Redis's protected_action_enum: enable-protected-configs, enable-debug-command, enable-module-command. */
    private static final List<String> PROTECTED_ACTION = List.of("no", "yes", "local");
    /** Redis's shutdown_on_sig_enum (bit flags). */
    private static final List<String> SHUTDOWN_ON_SIG = List.of("default=0", "save=1", "nosave=2", "now=4", "force=8");

    public final ConfigRegistry registry = new ConfigRegistry();

    /** The JSON file the server was started from (CONFIG REWRITE writes it back; INFO config_file), or null. */
    public volatile Path configFile;

    // Bool configs.
    public final BoolParam rdbchecksum = bool("rdbchecksum", null, IMM, true);
    public final BoolParam daemonize = bool("daemonize", null, IMM, false);
    public final BoolParam ioThreadsDoReads = bool("io-threads-do-reads", null, Set.of(DEBUG, IMMUTABLE), false);
    public final BoolParam alwaysShowLogo = bool("always-show-logo", null, IMM, false);
    public final BoolParam protectedMode = bool("protected-mode", null, MOD, true);
    public final BoolParam rdbcompression = bool("rdbcompression", null, MOD, true);
    public final BoolParam rdbDelSyncFiles = bool("rdb-del-sync-files", null, MOD, false);
    public final BoolParam activerehashing = bool("activerehashing", null, MOD, true);
    public final BoolParam stopWritesOnBgsaveError = bool("stop-writes-on-bgsave-error", null, MOD, true);
    public final BoolParam setProcTitle = bool("set-proc-title", null, IMM, true);
    public final BoolParam dynamicHz = bool("dynamic-hz", null, MOD, true);
    public final BoolParam lazyfreeLazyEviction = bool("lazyfree-lazy-eviction", null, Set.of(DEBUG), false);
    public final BoolParam lazyfreeLazyExpire = bool("lazyfree-lazy-expire", null, Set.of(DEBUG), false);
    public final BoolParam lazyfreeLazyServerDel = bool("lazyfree-lazy-server-del", null, Set.of(DEBUG), false);
    public final BoolParam lazyfreeLazyUserDel = bool("lazyfree-lazy-user-del", null, Set.of(DEBUG), false);
    public final BoolParam lazyfreeLazyUserFlush = bool("lazyfree-lazy-user-flush", null, Set.of(DEBUG), false);
    public final BoolParam replDisableTcpNodelay = bool("repl-disable-tcp-nodelay", null, MOD, false);
    public final BoolParam replDisklessSync = bool("repl-diskless-sync", null, Set.of(DEBUG), true);
    public final BoolParam aofRewriteIncrementalFsync = bool("aof-rewrite-incremental-fsync", null, MOD, true);
    public final BoolParam noAppendfsyncOnRewrite = bool("no-appendfsync-on-rewrite", null, MOD, false);
    public final BoolParam clusterRequireFullCoverage = bool("cluster-require-full-coverage", null, MOD, true);
    public final BoolParam rdbSaveIncrementalFsync = bool("rdb-save-incremental-fsync", null, MOD, true);
    public final BoolParam aofLoadTruncated = bool("aof-load-truncated", null, MOD, true);
    public final BoolParam aofUseRdbPreamble = bool("aof-use-rdb-preamble", null, MOD, true);
    public final BoolParam aofTimestampEnabled = bool("aof-timestamp-enabled", null, MOD, false);
    public final BoolParam clusterReplicaNoFailover = bool("cluster-replica-no-failover", "cluster-slave-no-failover", MOD, false);
    public final BoolParam replicaLazyFlush = bool("replica-lazy-flush", "slave-lazy-flush", MOD, false);
    public final BoolParam replicaServeStaleData = bool("replica-serve-stale-data", "slave-serve-stale-data", MOD, true);
    public final BoolParam replicaReadOnly = bool("replica-read-only", "slave-read-only", Set.of(DEBUG), true);
    public final BoolParam replicaIgnoreMaxmemory = bool("replica-ignore-maxmemory", "slave-ignore-maxmemory", MOD, true);
    public final BoolParam jemallocBgThread = bool("jemalloc-bg-thread", null, MOD, true);
    /** pyredis has no active defragmentation: refused as by a Redis built without HAVE_DEFRAG. */
    public final BoolParam activedefrag = check(bool("activedefrag", null, Set.of(DEBUG), false), on -> on
            ? "Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified "
                    + "Jemalloc like the one shipped by default with the Redis source distribution"
            : null);
    public final BoolParam syslogEnabled = bool("syslog-enabled", null, IMM, false);
    public final BoolParam clusterEnabled = bool("cluster-enabled", null, IMM, false);
    public final BoolParam appendonly = bool("appendonly", null, Set.of(DENY_LOADING), false);
    public final BoolParam clusterAllowReadsWhenDown = bool("cluster-allow-reads-when-down", null, MOD, false);
    public final BoolParam clusterAllowPubsubshardWhenDown = bool("cluster-allow-pubsubshard-when-down", null, MOD, true);
    public final BoolParam crashLogEnabled = bool("crash-log-enabled", null, MOD, true);
    public final BoolParam crashMemcheckEnabled = bool("crash-memcheck-enabled", null, MOD, true);
    public final BoolParam useExitOnPanic = bool("use-exit-on-panic", null, Set.of(HIDDEN), false);
    public final BoolParam disableThp = bool("disable-thp", null, IMM, true);
    public final BoolParam clusterAllowReplicaMigration = bool("cluster-allow-replica-migration", null, MOD, true);
    public final BoolParam replicaAnnounced = bool("replica-announced", null, MOD, true);
    public final BoolParam latencyTracking = bool("latency-tracking", null, MOD, true);
    public final BoolParam aofDisableAutoGc = bool("aof-disable-auto-gc", null, MOD, false);
    public final BoolParam replicaIgnoreDiskWriteErrors = bool("replica-ignore-disk-write-errors", null, MOD, false);

    // String configs.
    public final StringParam aclfile = string("aclfile", null, IMM, "", null);
    public final StringParam unixsocket = string("unixsocket", null, IMM, "", null);
    public final StringParam pidfile = string("pidfile", null, IMM, "", null);
    public final StringParam replicaAnnounceIp = string("replica-announce-ip", "slave-announce-ip", MOD, "", null);
    public final StringParam masteruser = string("masteruser", null, Set.of(SENSITIVE), "", null);
    public final StringParam clusterAnnounceIp = string("cluster-announce-ip", null, MOD, "", null);
    public final StringParam clusterConfigFile = string("cluster-config-file", null, IMM, "nodes.conf", null);
    public final StringParam clusterAnnounceHostname = string("cluster-announce-hostname", null, MOD, "",
            ServerConfig::announcedHostname);
    public final StringParam syslogIdent = string("syslog-ident", null, IMM, "redis", null);
    public final StringParam dbfilename = string("dbfilename", null, Set.of(PROTECTED), "dump.rdb",
            v -> baseName(v, "dbfilename", "filename", false));
    public final StringParam appendfilename = string("appendfilename", null, IMM, "appendonly.aof",
            v -> baseName(v, "appendfilename", "filename", true));
    public final StringParam appenddirname = string("appenddirname", null, IMM, "appendonlydir",
            v -> baseName(v, "appenddirname", "dirname", true));
    public final StringParam serverCpulist = string("server_cpulist", null, IMM, "", null);
    public final StringParam bioCpulist = string("bio_cpulist", null, IMM, "", null);
    public final StringParam aofRewriteCpulist = string("aof_rewrite_cpulist", null, IMM, "", null);
    public final StringParam bgsaveCpulist = string("bgsave_cpulist", null, IMM, "", null);
    public final StringParam ignoreWarnings = string("ignore-warnings", null, MOD, "", null);
    public final StringParam procTitleTemplate = string("proc-title-template", null, MOD,
            "{title} {listen-addr} {server-mode}", ServerConfig::procTitleTemplate);
    public final StringParam bindSourceAddr = string("bind-source-addr", null, MOD, "", null);
    public final StringParam logfile = string("logfile", null, IMM, "", null);

    // SDS configs.
    public final StringParam masterauth = string("masterauth", null, Set.of(SENSITIVE), "", null);
    public final StringParam requirepass = string("requirepass", null, Set.of(SENSITIVE), "", null);

    // Enum configs.
    public final EnumParam supervised = enumeration("supervised", IMM, "no", "upstart", "systemd", "auto", "no");
    public final EnumParam syslogFacility = enumeration("syslog-facility", IMM, "local0",
            "user", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7");
    public final EnumParam replDisklessLoad = enumeration("repl-diskless-load", Set.of(DEBUG, DENY_LOADING), "disabled",
            "disabled", "on-empty-db", "swapdb");
    public final EnumParam loglevel = enumeration("loglevel", MOD, "notice", LOG_LEVELS.toArray(new String[0]));
    public final EnumParam maxmemoryPolicy = enumeration("maxmemory-policy", MOD, "noeviction",
            "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl", "allkeys-lru", "allkeys-lfu",
            "allkeys-random", "noeviction");
    public final EnumParam appendfsync = enumeration("appendfsync", MOD, "everysec", "everysec", "always", "no");
    public final EnumParam oomScoreAdj = enumeration("oom-score-adj", MOD, "no",
            "no=0", "yes=1", "relative=1", "absolute=2");
    public final EnumParam aclPubsubDefault = enumeration("acl-pubsub-default", MOD, "resetchannels",
            "allchannels=1", "resetchannels=0");
    public final EnumParam sanitizeDumpPayload = enumeration("sanitize-dump-payload", Set.of(DEBUG), "no",
            "no", "yes", "clients");
    /**
     * Redis 7.0's guard on the configs that choose where files are written (a client that
     * may set them may write files anywhere the server can): {@code no} (the default), {@code
     * yes}, or {@code local} (clients on the loopback interface).
     */
    public final EnumParam enableProtectedConfigs = enumeration("enable-protected-configs", IMM, "no",
            PROTECTED_ACTION.toArray(new String[0]));
    public final EnumParam enableDebugCommand = enumeration("enable-debug-command", IMM, "no",
            PROTECTED_ACTION.toArray(new String[0]));
    public final EnumParam enableModuleCommand = enumeration("enable-module-command", IMM, "no",
            PROTECTED_ACTION.toArray(new String[0]));
    public final EnumParam clusterPreferredEndpointType = enumeration("cluster-preferred-endpoint-type", MOD, "ip",
            "ip", "hostname", "unknown-endpoint");
    public final EnumParam propagationErrorBehavior = enumeration("propagation-error-behavior", MOD, "ignore",
            "ignore", "panic", "panic-on-replicas");
    public final EnumParam shutdownOnSigint = shutdownOnSignal("shutdown-on-sigint");
    public final EnumParam shutdownOnSigterm = shutdownOnSignal("shutdown-on-sigterm");

    // Integer configs (int).
    public final NumericParam databases = integer("databases", null, IMM, 1, INT_MAX, 16);
    public final NumericParam port = integer("port", null, MOD, 0, 65535, 6379);
    public final NumericParam ioThreads = integer("io-threads", null, Set.of(DEBUG, IMMUTABLE), 1, 128, 1);
    public final NumericParam autoAofRewritePercentage = integer("auto-aof-rewrite-percentage", null, MOD, 0, INT_MAX, 100);
    public final NumericParam clusterReplicaValidityFactor = integer("cluster-replica-validity-factor",
            "cluster-slave-validity-factor", MOD, 0, INT_MAX, 10);
    public final NumericParam listMaxListpackSize = integer("list-max-listpack-size", "list-max-ziplist-size", MOD,
            INT_MIN, INT_MAX, -2);
    public final NumericParam tcpKeepalive = integer("tcp-keepalive", null, MOD, 0, INT_MAX, 300);
    public final NumericParam clusterMigrationBarrier = integer("cluster-migration-barrier", null, MOD, 0, INT_MAX, 1);
    public final NumericParam activeDefragCycleMin = integer("active-defrag-cycle-min", null, MOD, 1, 99, 1);
    public final NumericParam activeDefragCycleMax = integer("active-defrag-cycle-max", null, MOD, 1, 99, 25);
    public final NumericParam activeDefragThresholdLower = integer("active-defrag-threshold-lower", null, MOD, 0, 1000, 10);
    public final NumericParam activeDefragThresholdUpper = integer("active-defrag-threshold-upper", null, MOD, 0, 1000, 100);
    public final NumericParam lfuLogFactor = integer("lfu-log-factor", null, MOD, 0, INT_MAX, 10);
    public final NumericParam lfuDecayTime = integer("lfu-decay-time", null, MOD, 0, INT_MAX, 1);
    public final NumericParam replicaPriority = integer("replica-priority", "slave-priority", MOD, 0, INT_MAX, 100);
    public final NumericParam replDisklessSyncDelay = integer("repl-diskless-sync-delay", null, MOD, 0, INT_MAX, 5);
    public final NumericParam maxmemorySamples = integer("maxmemory-samples", null, MOD, 1, INT_MAX, 5);
    public final NumericParam maxmemoryEvictionTenacity = integer("maxmemory-eviction-tenacity", null, MOD, 0, 100, 10);
    public final NumericParam timeout = integer("timeout", null, MOD, 0, INT_MAX, 0);
    public final NumericParam replicaAnnouncePort = integer("replica-announce-port", "slave-announce-port", MOD,
            0, 65535, 0);
    public final NumericParam tcpBacklog = integer("tcp-backlog", null, IMM, 0, INT_MAX, 511);
    public final NumericParam clusterPort = integer("cluster-port", null, IMM, 0, 65535, 0);
    public final NumericParam clusterAnnounceBusPort = integer("cluster-announce-bus-port", null, MOD, 0, 65535, 0);
    public final NumericParam clusterAnnouncePort = integer("cluster-announce-port", null, MOD, 0, 65535, 0);
    public final NumericParam clusterAnnounceTlsPort = integer("cluster-announce-tls-port", null, MOD, 0, 65535, 0);
    public final NumericParam replTimeout = integer("repl-timeout", null, MOD, 1, INT_MAX, 60);
    public final NumericParam replPingReplicaPeriod = integer("repl-ping-replica-period", "repl-ping-slave-period", MOD,
            1, INT_MAX, 10);
    public final NumericParam listCompressDepth = integer("list-compress-depth", null, Set.of(DEBUG), 0, INT_MAX, 0);
    public final NumericParam rdbKeySaveDelay = integer("rdb-key-save-delay", null, Set.of(HIDDEN), INT_MIN, INT_MAX, 0);
    public final NumericParam keyLoadDelay = integer("key-load-delay", null, Set.of(HIDDEN), INT_MIN, INT_MAX, 0);
    public final NumericParam activeExpireEffort = integer("active-expire-effort", null, MOD, 1, 10, 1);
    /** Any int is accepted, kept within 1..500 as Redis's updateHZ keeps it. */
    public final NumericParam hz = integer("hz", null, MOD, 0, INT_MAX, 10).capped(1, 500);
    public final NumericParam minReplicasToWrite = integer("min-replicas-to-write", "min-slaves-to-write", MOD,
            0, INT_MAX, 0);
    public final NumericParam minReplicasMaxLag = integer("min-replicas-max-lag", "min-slaves-max-lag", MOD,
            0, INT_MAX, 10);
    public final NumericParam watchdogPeriod = integer("watchdog-period", null, Set.of(HIDDEN), 0, INT_MAX, 0);
    public final NumericParam shutdownTimeout = integer("shutdown-timeout", null, MOD, 0, INT_MAX, 10);
    public final NumericParam replDisklessSyncMaxReplicas = integer("repl-diskless-sync-max-replicas", null, MOD,
            0, INT_MAX, 0);

    // Unsigned int configs.
    public final NumericParam maxclients = num("maxclients", MOD, Form.INTEGER, Sign.UNSIGNED, 1, UINT_MAX, 10000);
    public final NumericParam unixsocketperm = num("unixsocketperm", IMM, Form.OCTAL, Sign.UNSIGNED, 0, 0777, 0);
    public final NumericParam socketMarkId = num("socket-mark-id", IMM, Form.INTEGER, Sign.UNSIGNED, 0, UINT_MAX, 0);

    // Unsigned long configs (checked as signed by Redis).
    public final NumericParam activeDefragMaxScanFields = integer("active-defrag-max-scan-fields", null, MOD,
            1, LONG_MAX, 1000);
    public final NumericParam slowlogMaxLen = integer("slowlog-max-len", null, MOD, 0, LONG_MAX, 128);
    public final NumericParam acllogMaxLen = integer("acllog-max-len", null, MOD, 0, LONG_MAX, 128);

    // Long long configs.
    public final NumericParam busyReplyThreshold = integer("busy-reply-threshold", "lua-time-limit", MOD,
            0, LONG_MAX, 5000);
    public final NumericParam clusterNodeTimeout = integer("cluster-node-timeout", null, MOD, 0, LONG_MAX, 15000);
    public final NumericParam slowlogLogSlowerThan = integer("slowlog-log-slower-than", null, MOD, -1, LONG_MAX, 10000);
    public final NumericParam latencyMonitorThreshold = integer("latency-monitor-threshold", null, MOD,
            0, LONG_MAX, 0);
    public final NumericParam protoMaxBulkLen = num("proto-max-bulk-len", Set.of(DEBUG), Form.MEMORY, Sign.SIGNED,
            MB, LONG_MAX, 512 * MB);
    public final NumericParam streamNodeMaxEntries = integer("stream-node-max-entries", null, MOD, 0, LONG_MAX, 100);
    public final NumericParam replBacklogSize = num("repl-backlog-size", MOD, Form.MEMORY, Sign.SIGNED, 1, LONG_MAX, MB);

    // Unsigned long long configs.
    public final NumericParam maxmemory = num("maxmemory", MOD, Form.MEMORY, Sign.UNSIGNED, 0, ULLONG_MAX, 0);
    public final NumericParam clusterLinkSendbufLimit = num("cluster-link-sendbuf-limit", MOD, Form.MEMORY,
            Sign.UNSIGNED, 0, ULLONG_MAX, 0);

    // size_t configs.
    public final NumericParam hashMaxListpackEntries = sizeT("hash-max-listpack-entries", "hash-max-ziplist-entries",
            Form.INTEGER, 0, 512);
    public final NumericParam setMaxIntsetEntries = sizeT("set-max-intset-entries", null, Form.INTEGER, 0, 512);
    public final NumericParam zsetMaxListpackEntries = sizeT("zset-max-listpack-entries", "zset-max-ziplist-entries",
            Form.INTEGER, 0, 128);
    public final NumericParam activeDefragIgnoreBytes = sizeT("active-defrag-ignore-bytes", null, Form.MEMORY, 1,
            100 * MB);
    public final NumericParam hashMaxListpackValue = sizeT("hash-max-listpack-value", "hash-max-ziplist-value",
            Form.MEMORY, 0, 64);
    public final NumericParam streamNodeMaxBytes = sizeT("stream-node-max-bytes", null, Form.MEMORY, 0, 4096);
    public final NumericParam zsetMaxListpackValue = sizeT("zset-max-listpack-value", "zset-max-ziplist-value",
            Form.MEMORY, 0, 64);
    public final NumericParam hllSparseMaxBytes = sizeT("hll-sparse-max-bytes", null, Form.MEMORY, 0, 3000);
    public final NumericParam trackingTableMaxKeys = sizeT("tracking-table-max-keys", null, Form.INTEGER, 0, 1000000);
    public final NumericParam clientQueryBufferLimit = registry.register(new NumericParam("client-query-buffer-limit",
            null, Set.of(DEBUG), Form.MEMORY, Sign.UNSIGNED, MB, LONG_MAX, 1024 * MB));
    /** A size in bytes, or a percentage of maxmemory ({@link NumericParam#isPercent()}). */
    public final NumericParam maxmemoryClients = num("maxmemory-clients", MOD, Form.MEMORY_PERCENT, Sign.SIGNED,
            -100, Long.MAX_VALUE, 0);

    // Other numeric configs (time_t, off_t).
    public final NumericParam replBacklogTtl = integer("repl-backlog-ttl", null, MOD, 0, LONG_MAX, 3600);
    public final NumericParam autoAofRewriteMinSize = num("auto-aof-rewrite-min-size", MOD, Form.MEMORY, Sign.SIGNED,
            0, LONG_MAX, 64 * MB);
    public final NumericParam loadingProcessEventsIntervalBytes = integer("loading-process-events-interval-bytes",
            null, Set.of(HIDDEN), 1024, INT_MAX, 2 * MB);

    // TLS configs (Debian's redis-server is built with TLS).
    public final NumericParam tlsPort = integer("tls-port", null, MOD, 0, 65535, 0);
    public final NumericParam tlsSessionCacheSize = integer("tls-session-cache-size", null, MOD, 0, INT_MAX, 20 * 1024);
    public final NumericParam tlsSessionCacheTimeout = integer("tls-session-cache-timeout", null, MOD, 0, INT_MAX, 300);
    public final BoolParam tlsCluster = bool("tls-cluster", null, MOD, false);
    public final BoolParam tlsReplication = bool("tls-replication", null, MOD, false);
    public final EnumParam tlsAuthClients = enumeration("tls-auth-clients", MOD, "yes", "no", "yes", "optional");
    public final BoolParam tlsPreferServerCiphers = bool("tls-prefer-server-ciphers", null, MOD, false);
    public final BoolParam tlsSessionCaching = bool("tls-session-caching", null, MOD, true);
    public final StringParam tlsCertFile = string("tls-cert-file", null, MOD, "", null);
    public final StringParam tlsKeyFile = string("tls-key-file", null, MOD, "", null);
    public final StringParam tlsKeyFilePass = string("tls-key-file-pass", null, MOD, "", null);
    public final StringParam tlsClientCertFile = string("tls-client-cert-file", null, MOD, "", null);
    public final StringParam tlsClientKeyFile = string("tls-client-key-file", null, MOD, "", null);
    public final StringParam tlsClientKeyFilePass = string("tls-client-key-file-pass", null, MOD, "", null);
    public final StringParam tlsDhParamsFile = string("tls-dh-params-file", null, MOD, "", null);
    public final StringParam tlsCaCertFile = string("tls-ca-cert-file", null, MOD, "", null);
    public final StringParam tlsCaCertDir = string("tls-ca-cert-dir", null, MOD, "", null);
    public final StringParam tlsProtocols = string("tls-protocols", null, MOD, "", null);
    public final StringParam tlsCiphers = string("tls-ciphers", null, MOD, "", null);
    public final StringParam tlsCiphersuites = string("tls-ciphersuites", null, MOD, "", null);

    // Special configs.
    public final DirParam dir = registry.register(new DirParam("dir", Set.of(PROTECTED, DENY_LOADING)));
    public final SaveParam save = registry.register(new SaveParam("save", true, "3600 1 300 100 60 10000"));
    public final OutputBufferLimitsParam clientOutputBufferLimit = registry.register(new OutputBufferLimitsParam());
    public final StringParam oomScoreAdjValues = string("oom-score-adj-values", null, Set.of(MULTI_ARG), "0 200 800",
            ServerConfig::oomScoreAdjValues);
    public final NotifyEventsParam notifyKeyspaceEvents = registry.register(new NotifyEventsParam());
    public final ListParam bind = registry.register(new ListParam("bind", Set.of(MULTI_ARG), List.of("*", "-::*")));
    /** {@code "host port"}, or {@code ""} for none ({@code "no one"}). */
    public final StringParam replicaof = string("replicaof", "slaveof", Set.of(IMMUTABLE, MULTI_ARG), "",
            ServerConfig::replicaOf);
    public final PercentilesParam latencyTrackingInfoPercentiles = registry.register(
            new PercentilesParam("latency-tracking-info-percentiles", Set.of(MULTI_ARG), 50.0, 99.0, 99.9));

    // pyredis's own: hidden from CONFIG GET patterns, so that CONFIG GET * lists Redis's names only.
    public final StringParam pluginsDir = string("plugins-dir", null, Set.of(IMMUTABLE, HIDDEN), "plugins", null);
    /** Seconds a plugin's command may run before the watchdog logs it (0: no watchdog). */
    public final NumericParam pluginCommandWatchdog = integer("plugin-command-watchdog", null, Set.of(HIDDEN),
            0, INT_MAX, 10);

    /** The rate the cron runs at ({@code hz}, already capped to 1..500 as Redis's updateHZ). */
    public int effectiveHz() {
        return Math.max(1, Math.min(500, hz.intValue()));
    }

    /**
     * Copies the encoding limits into {@code limits} and keeps them in step with later
     * changes (CONFIG SET); they apply to collections as they grow from then on.
     */
    public void bindEncodingLimits(EncodingLimits limits) {
        bind(listMaxListpackSize, v -> limits.listMaxListpackSize = v);
        bind(hashMaxListpackEntries, v -> limits.hashMaxListpackEntries = v);
        bind(hashMaxListpackValue, v -> limits.hashMaxListpackValue = v);
        bind(setMaxIntsetEntries, v -> limits.setMaxIntsetEntries = v);
        bind(zsetMaxListpackEntries, v -> limits.zsetMaxListpackEntries = v);
        bind(zsetMaxListpackValue, v -> limits.zsetMaxListpackValue = v);
    }

    private static void bind(NumericParam p, java.util.function.IntConsumer set) {
        set.accept(p.intValue());
        p.onChange(v -> set.accept(p.intValue()));
    }

    // Declaration helpers: one line per parameter above.

    private BoolParam bool(String name, String alias, Set<Flag> flags, boolean def) {
        return registry.register(new BoolParam(name, alias, flags, def));
    }

    private StringParam string(String name, String alias, Set<Flag> flags, String def, StringParam.Reader reader) {
        return registry.register(new StringParam(name, alias, flags, def, reader));
    }

    private EnumParam enumeration(String name, Set<Flag> flags, String def, String... choices) {
        return registry.register(new EnumParam(name, null, flags, def, List.of(choices)));
    }

    private EnumParam shutdownOnSignal(String name) {
        return check(registry.register(new EnumParam(name, null, Set.of(MULTI_ARG), "default", SHUTDOWN_ON_SIG)),
                v -> v.contains("nosave") && v.matches("(.* )?save( .*)?")
                        ? "shutdown options SAVE and NOSAVE can't be used simultaneously" : null);
    }

    /** A plain signed integer (Redis's int, long, unsigned long, long long, time_t and off_t configs). */
    private NumericParam integer(String name, String alias, Set<Flag> flags, long min, long max, long def) {
        return registry.register(new NumericParam(name, alias, flags, Form.INTEGER, Sign.SIGNED, min, max, def));
    }

    private NumericParam num(String name, Set<Flag> flags, Form form, Sign sign, long min, long max, long def) {
        return registry.register(new NumericParam(name, null, flags, form, sign, min, max, def));
    }

    /** A size_t config: modifiable, unsigned, at most LONG_MAX. */
    private NumericParam sizeT(String name, String alias, Form form, long min, long def) {
        return registry.register(new NumericParam(name, alias, MOD, form, Sign.UNSIGNED, min, LONG_MAX, def));
    }

    private static <T, P extends ConfigParam<T>> P check(P p, java.util.function.Function<T, String> check) {
        p.check(check);
        return p;
    }

    // Redis's is_valid_fn and special setters, where the value itself is refused.

    /** isValidDBfilename, isValidAOFfilename, isValidAOFdirname (pathIsBaseName). */
    private static String baseName(String v, String name, String what, boolean nonEmpty) {
        if (nonEmpty && v.isEmpty()) {
            throw new IllegalArgumentException(name + " can't be empty");
        }
        if (v.indexOf('/') >= 0 || v.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(name + " can't be a path, just a " + what);
        }
        return v;
    }

    /** isValidAnnouncedHostname (NET_HOST_STR_LEN is 256). */
    private static String announcedHostname(String v) {
        if (v.length() >= 256) {
            throw new IllegalArgumentException("Hostnames must be less than 256 characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                throw new IllegalArgumentException("Hostnames may only contain alphanumeric characters, hyphens or dots");
            }
        }
        return v;
    }

    /** isValidProcTitleTemplate: sdstemplate with Redis's variables must expand to something non-blank. */
    private static String procTitleTemplate(String v) {
        StringBuilder out = new StringBuilder();
        int p = 0;
        boolean ok = true;
        while (p < v.length()) {
            int sv = v.indexOf('{', p);
            if (sv < 0) {
                out.append(v, p, v.length());
                break;
            }
            out.append(v, p, sv);
            if (sv + 1 >= v.length()) {
                ok = false;
                break;
            }
            if (v.charAt(sv + 1) == '{') {
                out.append('{');
                p = sv + 2;
                continue;
            }
            int ev = v.indexOf('}', sv + 1);
            if (ev < 0) {
                ok = false;
                break;
            }
            switch (v.substring(sv + 1, ev)) {
                case "title": case "server-mode": case "unixsocket": break;
                case "listen-addr": out.append("*:6379"); break;
                case "config-file": out.append('-'); break;
                case "port": case "tls-port": out.append('0'); break;
                default: ok = false;
            }
            if (!ok) {
                break;
            }
            p = ev + 1;
        }
        if (!ok || out.toString().replace(" ", "").isEmpty()) {
            throw new IllegalArgumentException("template format is invalid or contains unknown variables");
        }
        return v;
    }

    /** setConfigOOMScoreAdjValuesOption: three integers from -2000 to 2000. */
    private static String oomScoreAdjValues(String v) {
        String[] w = v.isEmpty() ? new String[0] : v.split(" ", -1);
        if (w.length != 3) {
            throw new IllegalArgumentException("wrong number of arguments");
        }
        StringBuilder sb = new StringBuilder();
        for (String s : w) {
            Long n = SaveParam.strtoll(s);
            if (n == null || n < -2000 || n > 2000) {
                throw new IllegalArgumentException(
                        "Invalid oom-score-adj-values, elements must be between -2000 and 2000.");
            }
            sb.append(sb.length() == 0 ? "" : " ").append(n);
        }
        return sb.toString();
    }

    /** setConfigReplicaOfOption: {@code host port}, or {@code no one}. */
    private static String replicaOf(String v) {
        String[] w = v.isEmpty() ? new String[0] : v.split(" ", -1);
        if (w.length != 2) {
            throw new IllegalArgumentException("wrong number of arguments");
        }
        if (w[0].equalsIgnoreCase("no") && w[1].equalsIgnoreCase("one")) {
            return "";
        }
        Long port = SaveParam.strtoll(w[1]);
        if (port == null || port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid master port");
        }
        return w[0] + " " + port;
    }
}
