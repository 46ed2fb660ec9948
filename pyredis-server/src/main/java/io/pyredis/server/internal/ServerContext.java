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
        unit.protectedGate((e, c) -> protectedAllowed(config.enableDebugCommand.value(), c) ? null : DEBUG_REFUSED);
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
}
