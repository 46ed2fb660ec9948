package io.pyredis.server.internal.commands;

import io.pyredis.api.Database;
import io.pyredis.core.exec.CallContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.stats.ServerStats;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.storage.Keyspace;
import io.pyredis.storage.LazyFree;
import io.pyredis.server.internal.Memory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code INFO [section [section ...]]}: Redis 7.0's text ({@code # Server\r\nkey:value\r\n},
 * a blank line between sections, sections always in Redis's order), a verbatim string in
 * RESP3. Values pyredis has no counterpart for are shown as an idle Redis shows them.
 */
public final class InfoCommand extends BuiltinCommand {

    /** pyredis's own version, shown next to the Redis version it is compatible with. */
    public static final String PYREDIS_VERSION = "0.1.0";

    /** Sections in Redis's output order; the name used to ask for each. */
    private static final List<String> ORDER = List.of("server", "clients", "memory", "persistence", "stats",
            "replication", "cpu", "modules", "commandstats", "errorstats", "latencystats", "cluster", "keyspace");
    private static final Set<String> DEFAULT = Set.of("server", "clients", "memory", "persistence", "stats",
            "replication", "cpu", "modules", "errorstats", "cluster", "keyspace");
    private static final Set<String> ALL = Set.of("server", "clients", "memory", "persistence", "stats",
            "replication", "cpu", "modules", "commandstats", "errorstats", "latencystats", "cluster", "keyspace");

    public InfoCommand(ServerContext server) {
        super(server, "info");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        Set<String> wanted = new HashSet<>();
        if (args.length == 1) {
            wanted.addAll(DEFAULT);
        } else {
            for (int i = 1; i < args.length; i++) {
                String s = new String(args[i], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                switch (s) {
                    case "default":
                        wanted.addAll(DEFAULT);
                        break;
                    case "all":
                        wanted.addAll(ALL);
                        break;
                    case "everything":
                        wanted.addAll(ALL);
                        wanted.add("modules");
                        break;
                    default:
                        wanted.add(s);
                }
            }
        }
        String text = build(server, wanted);
        c.reply().verbatim("txt", text.getBytes(StandardCharsets.UTF_8));
    }

    /** The INFO text of {@code sections} (lower-case names). */
    static String build(ServerContext server, Set<String> sections) {
        StringBuilder sb = new StringBuilder(4096);
        for (String s : ORDER) {
            if (!sections.contains(s)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("\r\n");
            }
            switch (s) {
                case "server":
                    server(sb, server);
                    break;
                case "clients":
                    clients(sb, server);
                    break;
                case "memory":
                    memory(sb, server);
                    break;
                case "persistence":
                    persistence(sb, server);
                    break;
                case "stats":
                    stats(sb, server);
                    break;
                case "replication":
                    replication(sb, server);
                    break;
                case "cpu":
                    cpu(sb);
                    break;
                case "modules":
                    sb.append("# Modules\r\n");
                    break;
                case "commandstats":
                    commandstats(sb, server);
                    break;
                case "errorstats":
                    errorstats(sb, server.stats());
                    break;
                case "latencystats":
                    latencystats(sb, server);
                    break;
                case "cluster":
                    sb.append("# Cluster\r\ncluster_enabled:0\r\n");
                    break;
                case "keyspace":
                    keyspace(sb, server.keyspace());
                    break;
                default:
                    throw new IllegalStateException(s);
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, Object value) {
        sb.append(key).append(':').append(value).append("\r\n");
    }

    private static void server(StringBuilder sb, ServerContext server) {
        long now = server.clock().millis();
        long uptime = Math.max(0, (now - server.startMillis()) / 1000);
        int hz = server.config().effectiveHz();
        sb.append("# Server\r\n");
        line(sb, "redis_version", ServerContext.REDIS_VERSION);
        line(sb, "pyredis_version", PYREDIS_VERSION);
        line(sb, "redis_git_sha1", "00000000");
        line(sb, "redis_git_dirty", 0);
        line(sb, "redis_build_id", "0");
        line(sb, "redis_mode", "standalone");
        line(sb, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + arch(System.getProperty("os.arch")));
        line(sb, "arch_bits", 64);
        line(sb, "monotonic_clock", "System.nanoTime");
        line(sb, "multiplexing_api", "java-nio");
        line(sb, "atomicvar_api", "c11-builtin");
        line(sb, "gcc_version", "0.0.0");
        line(sb, "java_version", System.getProperty("java.version"));
        line(sb, "process_id", ProcessHandle.current().pid());
        line(sb, "process_supervised", "no");
        line(sb, "run_id", server.runId());
        line(sb, "tcp_port", server.port());
        line(sb, "server_time_usec", now * 1000);
        line(sb, "uptime_in_seconds", uptime);
        line(sb, "uptime_in_days", uptime / 86400);
        line(sb, "hz", hz);
        line(sb, "configured_hz", server.config().hz.intValue());
        line(sb, "lru_clock", (now / 1000) & ((1 << 24) - 1));
        line(sb, "executable", ProcessHandle.current().info().command().orElse(""));
        line(sb, "config_file", server.config().configFile == null ? "" : server.config().configFile);
        line(sb, "io_threads_active", 0);
    }

    private static String arch(String javaArch) {
        switch (javaArch) {
            case "amd64":
                return "x86_64";
            case "arm64":
                return "aarch64";
            default:
                return javaArch;
        }
    }

    private static void clients(StringBuilder sb, ServerContext server) {
        sb.append("# Clients\r\n");
        line(sb, "connected_clients", server.clients().size());
        line(sb, "cluster_connections", 0);
        line(sb, "maxclients", server.config().maxclients.intValue());
        line(sb, "client_recent_max_input_buffer", 0);
        line(sb, "client_recent_max_output_buffer", 0);
        line(sb, "blocked_clients", server.blockedClients().blockedCount());
        line(sb, "tracking_clients", server.engine().tracking().clientCount());
        line(sb, "clients_in_timeout_table", server.blockedClients().timedCount());
    }

    private static void memory(StringBuilder sb, ServerContext server) {
        Memory m = server.memory();
        long used = m.used();
        long peak = m.peak();
        long rss = Memory.rss();
        long startup = Memory.STARTUP;
        long overhead = m.overhead();
        long dataset = Math.max(0, used - overhead);
        long max = server.config().maxmemory.longValue();
        // An empty Lua VM is 32 kB as Redis reports it; the scripting pack gives the rest.
        long lua = server.packInfo("used_memory_lua", 32768);
        long scriptsEval = server.packInfo("used_memory_scripts_eval", 0);
        long cachedScripts = server.packInfo("number_of_cached_scripts", 0);
        LazyFree lazy = server.keyspace().lazyFree();
        sb.append("# Memory\r\n");
        line(sb, "used_memory", used);
        line(sb, "used_memory_human", bytesToHuman(used));
        line(sb, "used_memory_rss", rss);
        line(sb, "used_memory_rss_human", bytesToHuman(rss));
        line(sb, "used_memory_peak", peak);
        line(sb, "used_memory_peak_human", bytesToHuman(peak));
        line(sb, "used_memory_peak_perc", percent(used, peak) + "%");
        line(sb, "used_memory_overhead", overhead);
        line(sb, "used_memory_startup", startup);
        line(sb, "used_memory_dataset", dataset);
        line(sb, "used_memory_dataset_perc", percent(dataset, used - startup) + "%");
        line(sb, "allocator_allocated", used);
        line(sb, "allocator_active", used);
        line(sb, "allocator_resident", rss);
        line(sb, "total_system_memory", totalSystemMemory());
        line(sb, "total_system_memory_human", bytesToHuman(totalSystemMemory()));
        line(sb, "used_memory_lua", lua);
        line(sb, "used_memory_vm_eval", lua);
        line(sb, "used_memory_lua_human", bytesToHuman(lua));
        line(sb, "used_memory_scripts_eval", scriptsEval);
        line(sb, "number_of_cached_scripts", cachedScripts);
        line(sb, "number_of_functions", 0);
        line(sb, "number_of_libraries", 0);
        line(sb, "used_memory_vm_functions", 32768);
        line(sb, "used_memory_vm_total", lua + 32768);
        line(sb, "used_memory_vm_total_human", bytesToHuman(lua + 32768));
        line(sb, "used_memory_functions", 0);
        line(sb, "used_memory_scripts", scriptsEval);
        line(sb, "used_memory_scripts_human", bytesToHuman(scriptsEval));
        line(sb, "maxmemory", max);
        line(sb, "maxmemory_human", bytesToHuman(max));
        line(sb, "maxmemory_policy", server.config().maxmemoryPolicy.value());
        line(sb, "allocator_frag_ratio", "1.00");
        line(sb, "allocator_frag_bytes", 0);
        line(sb, "allocator_rss_ratio", ratio(rss, used));
        line(sb, "allocator_rss_bytes", rss - used);
        line(sb, "rss_overhead_ratio", "1.00");
        line(sb, "rss_overhead_bytes", 0);
        line(sb, "mem_fragmentation_ratio", ratio(rss, used));
        line(sb, "mem_fragmentation_bytes", rss - used);
        // Nothing pyredis buffers (AOF, replicas) is counted in used_memory yet, so nothing is left out of eviction's figure.
        line(sb, "mem_not_counted_for_evict", 0);
        line(sb, "mem_replication_backlog", 0);
        line(sb, "mem_total_replication_buffers", 0);
        line(sb, "mem_clients_slaves", 0);
        line(sb, "mem_clients_normal", 0);
        line(sb, "mem_cluster_links", 0);
        line(sb, "mem_aof_buffer", 0);
        line(sb, "mem_allocator", "jvm");
        line(sb, "active_defrag_running", 0);
        line(sb, "lazyfree_pending_objects", lazy.pendingObjects());
        line(sb, "lazyfreed_objects", lazy.freedObjects());
    }

    /** {@code part} as a percentage of {@code whole}, two decimals (Redis's %.2f%%). */
    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.2f", whole <= 0 ? 0.0 : part * 100.0 / whole);
    }

    private static String ratio(long a, long b) {
        return String.format(Locale.ROOT, "%.2f", b == 0 ? 0.0 : (double) a / b);
    }

    /** MemTotal of /proc/meminfo (Redis's zmalloc_get_memory_size), 0 where there is none. */
    static long totalSystemMemory() {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: Redis reports 0 too where it cannot tell
        }
        return 0;
    }

    /** Redis's bytesToHuman: {@code 1015728} gives {@code 991.92K}. */
    static String bytesToHuman(long n) {
        double d;
        if (n < 1024) {
            return n + "B";
        } else if (n < 1024L * 1024) {
            d = n / 1024.0;
            return String.format(Locale.ROOT, "%.2fK", d);
        } else if (n < 1024L * 1024 * 1024) {
            d = n / (1024.0 * 1024);
            return String.format(Locale.ROOT, "%.2fM", d);
        } else if (n < 1024L * 1024 * 1024 * 1024) {
            d = n / (1024.0 * 1024 * 1024);
            return String.format(Locale.ROOT, "%.2fG", d);
        } else if (n < 1024L * 1024 * 1024 * 1024 * 1024) {
            d = n / (1024.0 * 1024 * 1024 * 1024);
            return String.format(Locale.ROOT, "%.2fT", d);
        } else if (n < 1024L * 1024 * 1024 * 1024 * 1024 * 1024) {
            d = n / (1024.0 * 1024 * 1024 * 1024 * 1024);
            return String.format(Locale.ROOT, "%.2fP", d);
        }
        return n + "B";
    }

    private static void persistence(StringBuilder sb, ServerContext server) {
        server.persistence().info(sb);
        server.aof().info(sb);
        line(sb, "module_fork_in_progress", 0);
        line(sb, "module_fork_last_cow_size", 0);
        server.aof().infoWhenOn(sb);
    }

    private static void stats(StringBuilder sb, ServerContext server) {
        ServerStats st = server.stats();
        Keyspace ks = server.keyspace();
        sb.append("# Stats\r\n");
        line(sb, "total_connections_received", st.totalConnectionsReceived);
        line(sb, "total_commands_processed", st.totalCommandsProcessed);
        line(sb, "instantaneous_ops_per_sec", st.instantaneousOpsPerSec());
        line(sb, "total_net_input_bytes", st.totalNetInputBytes);
        line(sb, "total_net_output_bytes", st.totalNetOutputBytes);
        line(sb, "total_net_repl_input_bytes", 0);
        line(sb, "total_net_repl_output_bytes", st.totalNetReplOutputBytes);
        line(sb, "instantaneous_input_kbps", kbps(st.instantaneousInputBytesPerSec()));
        line(sb, "instantaneous_output_kbps", kbps(st.instantaneousOutputBytesPerSec()));
        line(sb, "instantaneous_input_repl_kbps", "0.00");
        line(sb, "instantaneous_output_repl_kbps", "0.00");
        line(sb, "rejected_connections", st.rejectedConnections);
        line(sb, "sync_full", st.syncFull);
        line(sb, "sync_partial_ok", st.syncPartialOk);
        line(sb, "sync_partial_err", st.syncPartialErr);
        line(sb, "expired_keys", ks.expiredKeys());
        line(sb, "expired_stale_perc", "0.00");
        line(sb, "expired_time_cap_reached_count", ks.expiredTimeCapReachedCount());
        line(sb, "expire_cycle_cpu_milliseconds", 0);
        line(sb, "evicted_keys", ks.evictedKeys());
        line(sb, "evicted_clients", 0);
        line(sb, "total_eviction_exceeded_time", 0);
        line(sb, "current_eviction_exceeded_time", 0);
        line(sb, "keyspace_hits", ks.keyspaceHits());
        line(sb, "keyspace_misses", ks.keyspaceMisses());
        line(sb, "pubsub_channels", server.pubsub().channelCount());
        line(sb, "pubsub_patterns", server.pubsub().patternCount());
        line(sb, "pubsubshard_channels", server.pubsub().shardChannelCount());
        line(sb, "latest_fork_usec", 0);
        line(sb, "total_forks", 0);
        // No MIGRATE, replicas, active defrag: their idle values.
        line(sb, "migrate_cached_sockets", 0);
        line(sb, "slave_expires_tracked_keys", 0);
        line(sb, "active_defrag_hits", 0);
        line(sb, "active_defrag_misses", 0);
        line(sb, "active_defrag_key_hits", 0);
        line(sb, "active_defrag_key_misses", 0);
        line(sb, "total_active_defrag_time", 0);
        line(sb, "current_active_defrag_time", 0);
        line(sb, "tracking_total_keys", server.engine().tracking().totalKeys());
        line(sb, "tracking_total_items", server.engine().tracking().totalItems());
        line(sb, "tracking_total_prefixes", server.engine().tracking().totalPrefixes());
        line(sb, "unexpected_error_replies", st.unexpectedErrorReplies);
        line(sb, "total_error_replies", st.totalErrorReplies);
        line(sb, "dump_payload_sanitizations", 0);
        line(sb, "total_reads_processed", st.totalReadsProcessed);
        line(sb, "total_writes_processed", st.totalWritesProcessed);
        line(sb, "io_threaded_reads_processed", 0);
        line(sb, "io_threaded_writes_processed", 0);
        line(sb, "reply_buffer_shrinks", 0);
        line(sb, "reply_buffer_expands", 0);
    }

    /** genRedisInfoStringLatencyStats: one line per command (or subcommand) with a histogram. */
    private static void latencystats(StringBuilder sb, ServerContext server) {
        sb.append("# Latencystats\r\n");
        double[] percentiles = server.config().latencyTrackingInfoPercentiles.value();
        for (CommandEntry e : server.commands().all()) {
            latencyLine(sb, e, percentiles);
            if (e.subcommands() != null) {
                for (CommandEntry sub : e.subcommands().all()) {
                    latencyLine(sb, sub, percentiles);
                }
            }
        }
    }

    /** fillPercentileDistributionLatencies */
    private static void latencyLine(StringBuilder sb, CommandEntry e, double[] percentiles) {
        io.pyredis.core.stats.LatencyHistogram h = e.latencyHistogram;
        if (h == null) {
            return;
        }
        sb.append("latency_percentiles_usec_").append(e.name()).append(':');
        for (int j = 0; j < percentiles.length; j++) {
            sb.append('p').append(io.pyredis.server.internal.config.PercentilesParam.formatPercentile(percentiles[j]))
                    .append('=').append(String.format(Locale.ROOT, "%.3f", h.valueAtPercentile(percentiles[j]) / 1000.0));
            if (j != percentiles.length - 1) {
                sb.append(',');
            }
        }
        sb.append("\r\n");
    }

    private static String kbps(long bytesPerSec) {
        return String.format(Locale.ROOT, "%.2f", bytesPerSec / 1024.0);
    }

    private static void replication(StringBuilder sb, ServerContext server) {
        server.replication().info(sb);
    }

    /**
     * CPU seconds: the main-thread figures are the event loop's own (INFO runs on it); the
     * process's user time is the whole process's CPU time less the main thread's system
     * time, since the JVM does not split the process's time into user and system.
     */
    private static void cpu(StringBuilder sb) {
        ThreadMXBean tx = ManagementFactory.getThreadMXBean();
        long mainTotal = tx.isCurrentThreadCpuTimeSupported() ? tx.getCurrentThreadCpuTime() : 0;
        long mainUser = tx.isCurrentThreadCpuTimeSupported() ? tx.getCurrentThreadUserTime() : 0;
        long mainSys = Math.max(0, mainTotal - mainUser);
        long process = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(mainTotal);
        sb.append("# CPU\r\n");
        line(sb, "used_cpu_sys", seconds(mainSys));
        line(sb, "used_cpu_user", seconds(Math.max(0, process - mainSys)));
        line(sb, "used_cpu_sys_children", "0.000000");
        line(sb, "used_cpu_user_children", "0.000000");
        line(sb, "used_cpu_sys_main_thread", seconds(mainSys));
        line(sb, "used_cpu_user_main_thread", seconds(mainUser));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }

    private static void commandstats(StringBuilder sb, ServerContext server) {
        sb.append("# Commandstats\r\n");
        for (CommandEntry e : server.commands().all()) {
            if (e.subcommands() != null) {
                for (CommandEntry s : e.subcommands().all()) {
                    commandstat(sb, s);
                }
            } else {
                commandstat(sb, e);
            }
        }
    }

    private static void commandstat(StringBuilder sb, CommandEntry e) {
        if (e.calls == 0 && e.failedCalls == 0 && e.rejectedCalls == 0) {
            return;
        }
        long usec = e.nanos / 1000;
        sb.append("cmdstat_").append(e.name()).append(":calls=").append(e.calls)
                .append(",usec=").append(usec)
                .append(",usec_per_call=").append(String.format(Locale.ROOT, "%.2f", e.calls == 0 ? 0.0 : (double) usec / e.calls))
                .append(",rejected_calls=").append(e.rejectedCalls)
                .append(",failed_calls=").append(e.failedCalls).append("\r\n");
    }

    private static void errorstats(StringBuilder sb, ServerStats st) {
        sb.append("# Errorstats\r\n");
        for (Map.Entry<String, long[]> e : st.errorCounts().entrySet()) {
            sb.append("errorstat_").append(e.getKey()).append(":count=").append(e.getValue()[0]).append("\r\n");
        }
    }

    private static void keyspace(StringBuilder sb, Keyspace ks) {
        sb.append("# Keyspace\r\n");
        for (int i = 0; i < ks.databases(); i++) {
            Database db = ks.db(i);
            long keys = db.size();
            if (keys > 0) {
                // avg_ttl: Redis estimates it while sampling expiring keys; the keyspace keeps no such estimate.
                sb.append("db").append(i).append(":keys=").append(keys).append(",expires=").append(db.expiresSize())
                        .append(",avg_ttl=0\r\n");
            }
        }
    }
}
