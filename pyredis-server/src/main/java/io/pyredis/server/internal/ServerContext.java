package io.pyredis.server.internal;

import io.pyredis.core.Engine;
import io.pyredis.core.client.ClientRegistry;
import io.pyredis.core.client.OutputLimit;
import io.pyredis.core.command.CommandTable;
import io.pyredis.core.exec.BlockedClients;
import io.pyredis.core.exec.CallUnit;
import io.pyredis.core.exec.Watches;
import io.pyredis.core.loop.Loop;
import io.pyredis.core.pubsub.Notifier;
import io.pyredis.core.pubsub.PubSub;
import io.pyredis.core.stats.ServerStats;
import io.pyredis.protocol.RespLimits;
import io.pyredis.server.internal.config.OutputBufferLimitsParam;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.server.internal.introspection.LatencyMonitor;
import io.pyredis.server.internal.introspection.Monitors;
import io.pyredis.server.internal.introspection.SlowLog;
import io.pyredis.server.internal.persistence.Persistence;
import io.pyredis.server.internal.persistence.aof.Aof;
import io.pyredis.server.internal.plugin.LoadedPack;
import io.pyredis.storage.Clock;
import io.pyredis.storage.Keyspace;

import java.util.ArrayList;
import java.util.List;

/**
 * One server: the execution core ({@link Engine}) with what the server adds around it, the
 * config, persistence, the loaded packs and the server's identity. What the server's own
 * commands reach; built by {@code PyRedisServer}, which binds the config to the core here.
 */
public final class ServerContext {

    /** The Redis version pyredis answers as (HELLO, INFO): clients choose features by it. */
    public static final String REDIS_VERSION = "7.0.15";

    private final ServerConfig config;
    private final Clock clock;
    private final Engine engine;
    private final List<LoadedPack> packs = new ArrayList<>();
    private final Persistence persistence;
    private final Aof aof;
    private final long startMillis;
    private final String runId = io.pyredis.server.internal.replication.Replication.randomHex40();
    private final io.pyredis.server.internal.replication.Replication replication;
    private final DebugState debug = new DebugState();
    private final Memory memory;
    private final SlowLog slowLog;
    private final LatencyMonitor latency;
    private final Monitors monitors = new Monitors();
    /** INFO fields whose values packs give (PackContext.infoValue). */
    private final java.util.Map<String, java.util.function.LongSupplier> packInfo =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Runnable shutdown = () -> { };
    private volatile int port;
    private volatile int exitStatus;

    public ServerContext(ServerConfig config, Clock clock, Keyspace keyspace, Loop loop, CommandTable commands) {
        this.config = config;
        this.clock = clock;
        this.engine = new Engine(keyspace, clock, loop, commands);
        this.startMillis = clock.millis();
        this.memory = new Memory(config, keyspace, engine.stats(), loop, engine.callUnit()::afterCommand,
                () -> engine.callUnit().pause().active());
        this.persistence = new Persistence(config, keyspace, clock, loop);
        this.aof = new Aof(config, engine, persistence, this::fatalShutdown);
        this.replication = new io.pyredis.server.internal.replication.Replication(config, engine, persistence, clock,
                this::port);
        this.slowLog = new SlowLog(config);
        this.latency = new LatencyMonitor(config);
        aof.latencySink(latency::addSampleIfNeeded);
        // As call(): the latency monitor and histograms, the slow log, then MONITOR.
        engine.callUnit().addObserver(latency);
        engine.callUnit().addObserver(slowLog);
        engine.callUnit().addObserver(monitors);
        bindConfig();
    }

    /** processCommand's refusal of a protected command (DEBUG, the only one pyredis has). */
    static final String MODULE_REFUSED = "ERR MODULE command not allowed. If the enable-module-command option is set "
            + "to \"local\", you can run it from a local connection, otherwise you need to set this option in the "
            + "configuration file, and then restart the server.";
    static final String DEBUG_REFUSED = "ERR DEBUG command not allowed. If the enable-debug-command option is set to "
            + "\"local\", you can run it from a local connection, otherwise you need to set this option in the "
            + "configuration file, and then restart the server.";

    /** Redis's allowProtectedAction: {@code mode} (no, yes, local) allows {@code c}. */
    public static boolean protectedAllowed(String mode, io.pyredis.core.client.Client c) {
        return mode.equals("yes") || (mode.equals("local") && c.isLocal());
    }

    /** The config values the core takes, now and on every change. */
    private void bindConfig() {
        CallUnit unit = engine.callUnit();
        unit.configView(config.registry::get);
        // As processCommand: MODULE's subcommands answer to enable-module-command, the rest (DEBUG) to
        // enable-debug-command.
        unit.protectedGate((e, c) -> e.name().startsWith("module|")
                ? (protectedAllowed(config.enableModuleCommand.value(), c) ? null : MODULE_REFUSED)
                : (protectedAllowed(config.enableDebugCommand.value(), c) ? null : DEBUG_REFUSED));
        // DEBUG SET-DISABLE-DENY-SCRIPTS: scripts may run noscript commands (Redis's script_disable_deny_script).
        unit.scripts().denyScriptDisabled(() -> debug.disableDenyScripts);
        unit.memoryCheck(memory::outOfMemory);
        unit.writeRefusal(replication::writeRefusal);
        unit.diskErrorCheck(() -> persistence.writesRefused() ? Persistence.MISCONF
                : aof.writesRefused() ? aof.misconf() : null);
        engine.notifier().setFlags(config.notifyKeyspaceEvents.flags());
        config.notifyKeyspaceEvents.onChange(engine.notifier()::setFlags);
        engine.limits(buildLimits());
        config.protoMaxBulkLen.onChange(v -> engine.limits(buildLimits()));
        config.clientQueryBufferLimit.onChange(v -> engine.limits(buildLimits()));
        engine.tracking().maxKeys(config.trackingTableMaxKeys.longValue());
        config.trackingTableMaxKeys.onChange(v -> engine.tracking().maxKeys(v));
        bindOutputLimits(config.clientOutputBufferLimit.value());
        config.clientOutputBufferLimit.onChange(this::bindOutputLimits);
        // requirepass is the default user's password (ACLUpdateDefaultUserPassword).
        io.pyredis.core.acl.Acl acl = engine.acl();
        acl.defaultPassword(config.requirepass.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        config.requirepass.onChange(v -> acl.defaultPassword(v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        acl.pubsubDefaultAllChannels(config.aclPubsubDefault.value().equals("allchannels"));
        config.aclPubsubDefault.onChange(v -> acl.pubsubDefaultAllChannels(v.equals("allchannels")));
        acl.log().maxLen(config.acllogMaxLen.longValue());
        config.acllogMaxLen.onChange(v -> acl.log().maxLen(config.acllogMaxLen.longValue()));
    }

    /**
     * ACLLoadFromFile on the {@code aclfile} (relative to {@code dir}): the users it
     * defines replace the current ones, or an error text as Redis's and nothing changes.
     */
    public io.pyredis.core.acl.Acl.LoadResult loadAclFile() {
        String name = config.aclfile.value();
        String text;
        try {
            text = java.nio.file.Files.readString(java.nio.file.Path.of(config.dir.value()).resolve(name),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.nio.file.NoSuchFileException e) {
            return new io.pyredis.core.acl.Acl.LoadResult("Error loading ACLs, opening file '" + name
                    + "': No such file or directory", List.of());
        } catch (java.io.IOException e) {
            return new io.pyredis.core.acl.Acl.LoadResult("Error loading ACLs, opening file '" + name
                    + "': " + (e instanceof java.nio.file.AccessDeniedException ? "Permission denied" : e.getMessage()),
                    List.of());
        }
        return engine.acl().load(name, text);
    }

    /**
     * The users as CONFIG REWRITE writes them under {@code user} ({@code "name rules"}), or
     * null when an ACL file holds them.
     */
    public List<String> aclUsersForConfig() {
        if (!config.aclfile.value().isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (io.pyredis.core.acl.AclUser u : engine.acl().users()) {
            out.add(u.name() + " " + engine.acl().describe(u));
        }
        return out;
    }

    /** ACLSaveToFile: the users written to a temp file renamed over {@code aclfile}; false (logged) on failure. */
    public boolean saveAclFile() {
        java.nio.file.Path target = java.nio.file.Path.of(config.dir.value()).resolve(config.aclfile.value());
        java.nio.file.Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                + "-" + System.currentTimeMillis());
        try {
            java.nio.file.Files.writeString(tmp, engine.acl().save(), java.nio.charset.StandardCharsets.ISO_8859_1);
            java.nio.file.Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(ServerContext.class).warn("Writing ACL file for ACL SAVE: {}", e.toString());
            try {
                java.nio.file.Files.deleteIfExists(tmp);
            } catch (java.io.IOException ignored) {
                // nothing more to do: the old file is still in place
            }
            return false;
        }
    }

    private void bindOutputLimits(OutputBufferLimitsParam.Limits l) {
        engine.outputLimits(limit(l.of(OutputBufferLimitsParam.NORMAL)), limit(l.of(OutputBufferLimitsParam.PUBSUB)));
    }

    private static OutputLimit limit(OutputBufferLimitsParam.Limit l) {
        return new OutputLimit(l.hard(), l.soft(), l.softSeconds());
    }

    private RespLimits buildLimits() {
        RespLimits d = RespLimits.DEFAULT;
        return new RespLimits(config.protoMaxBulkLen.longValue(), d.maxMultibulkLength(), d.maxInlineLength(),
                config.clientQueryBufferLimit.longValue());
    }

    public ServerConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The execution core. */
    public Engine engine() {
        return engine;
    }

    public Keyspace keyspace() {
        return engine.keyspace();
    }

    public ClientRegistry clients() {
        return engine.clients();
    }

    /** The clients blocked in BLPOP and the like. */
    public BlockedClients blockedClients() {
        return engine.blocked();
    }

    /** Channels, patterns and their subscribers. */
    public PubSub pubsub() {
        return engine.pubsub();
    }

    /** The WATCHed keys of every client. */
    public Watches watches() {
        return engine.watches();
    }

    /** Keyspace notifications (notify-keyspace-events and packs' listeners). */
    public Notifier notifier() {
        return engine.notifier();
    }

    public ServerStats stats() {
        return engine.stats();
    }

    /** Every command by name, built-in and from packs. */
    public CommandTable commands() {
        return engine.commands();
    }

    /** The packs loaded at start, built-in commands first. */
    public List<LoadedPack> packs() {
        return packs;
    }

    private volatile io.pyredis.server.internal.plugin.PluginRegistry plugins;

    /** The plugins: what PLUGIN and MODULE list, load, unload and reload. */
    public io.pyredis.server.internal.plugin.PluginRegistry plugins() {
        return plugins;
    }

    /** Set once at start, before any client connects. */
    public void plugins(io.pyredis.server.internal.plugin.PluginRegistry registry) {
        this.plugins = registry;
    }

    /** Records a pack as loaded (at start). */
    public void loaded(LoadedPack p) {
        packs.add(p);
    }

    /** RDB snapshots: SAVE/BGSAVE, the save rules, the dirty counter, MISCONF. */
    public Persistence persistence() {
        return persistence;
    }

    /** SLOWLOG's entries. */
    public SlowLog slowLog() {
        return slowLog;
    }

    /** LATENCY's events (latency-monitor-threshold). */
    public LatencyMonitor latency() {
        return latency;
    }

    /** The clients in MONITOR mode. */
    public Monitors monitors() {
        return monitors;
    }

    /** The append-only file (off unless {@code appendonly}). */
    public Aof aof() {
        return aof;
    }

    /** The loop all clients and commands run on. */
    public Loop loop() {
        return engine.loop();
    }

    /** When the server started, in unix ms (INFO uptime). */
    public long startMillis() {
        return startMillis;
    }

    /** INFO's run_id: 40 random hex digits, new at each start. */
    public String runId() {
        return runId;
    }

    /** What DEBUG switches (active expiry, the cron, ...). */
    public DebugState debug() {
        return debug;
    }

    /** DEBUG CHANGE-REPL-ID: a new master_replid (Redis's changeReplicationId). */
    public void changeReplicationId() {
        replication.changeReplicationId();
    }

    /** INFO's master_replid: 40 random hex digits. */
    public String replId() {
        return replication.replId();
    }

    /** The replication state: ids, offset, backlog, replicas. */
    public io.pyredis.server.internal.replication.Replication replication() {
        return replication;
    }

    /** The heap in use when the server was built (INFO used_memory_startup). */
    /** used_memory, maxmemory and eviction. */
    public Memory memory() {
        return memory;
    }


    /** The TCP port listened on (the chosen one when the config said 0). */
    public int port() {
        return port;
    }

    /** Stops the server after the current command (SHUTDOWN); returns at once. */
    public void requestShutdown() {
        shutdown.run();
    }

    /**
     * Stops the server as Redis's {@code exit(1)} after an error it cannot recover from
     * (an AOF write that failed with {@code appendfsync always}): the process's exit status
     * is 1 (see {@link #exitStatus()}).
     */
    public void fatalShutdown() {
        exitStatus = 1;
        shutdown.run();
    }

    /** 0, or 1 after {@link #fatalShutdown()}. */
    public int exitStatus() {
        return exitStatus;
    }

    /** Wiring by the server: the port listened on and what {@link #requestShutdown()} does. */
    /** The port listened on after CONFIG SET port or bind moved the listeners. */
    public void listening(int port) {
        this.port = port;
    }

    public void started(int port, Runnable shutdown) {
        this.port = port;
        this.shutdown = shutdown;
    }

    /** The INFO fields packs give values for, by name. */
    public java.util.Map<String, java.util.function.LongSupplier> packInfo() {
        return packInfo;
    }

    /** A pack's value of INFO field {@code name}, or {@code otherwise} when no pack gives it. */
    public long packInfo(String name, long otherwise) {
        java.util.function.LongSupplier s = packInfo.get(name);
        return s == null ? otherwise : s.getAsLong();
    }
}
