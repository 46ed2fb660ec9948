package io.pyredis.server.internal;

import io.netty.channel.EventLoop;
import io.pyredis.protocol.RespLimits;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.server.internal.dispatch.CommandTable;
import io.pyredis.server.internal.dispatch.Dispatcher;
import io.pyredis.server.internal.persistence.Persistence;
import io.pyredis.server.internal.persistence.aof.Aof;
import io.pyredis.server.internal.plugin.LoadedPack;
import io.pyredis.storage.Clock;
import io.pyredis.storage.Keyspace;

import java.util.List;

/**
 * What the server's own commands reach through {@link Connection#server()}: the config,
 * the keyspace, the clients, the command table, the loaded packs and the statistics.
 * One per server; built by {@code PyRedisServer}.
 */
public final class ServerContext {

    /** The Redis version pyredis answers as (HELLO, INFO): clients choose features by it. */
    public static final String REDIS_VERSION = "7.0.15";

    private final ServerConfig config;
    private final Clock clock;
    private final Keyspace keyspace;
    private final ClientRegistry clients = new ClientRegistry();
    private final BlockedClients blockedClients = new BlockedClients(this);
    private final PubSub pubsub = new PubSub();
    private final Watches watches;
    private final Notifier notifier;
    private final KeyEvents keyEvents;
    private final ServerStats stats = new ServerStats();
    private final CommandTable commands;
    private final List<LoadedPack> packs;
    private final Dispatcher dispatcher;
    private final Persistence persistence;
    private final Aof aof;
    private final long startMillis;
    private final String runId = randomHex40();
    private final String replId = randomHex40();
    private final long usedMemoryStartup;
    private volatile RespLimits limits;
    private volatile Runnable shutdown = () -> { };
    private volatile EventLoop eventLoop;
    private volatile int port;
    private volatile int exitStatus;

    public ServerContext(ServerConfig config, Clock clock, Keyspace keyspace, CommandTable commands,
                         List<LoadedPack> packs) {
        this.config = config;
        this.clock = clock;
        this.keyspace = keyspace;
        this.commands = commands;
        this.packs = List.copyOf(packs);
        this.watches = new Watches(keyspace);
        this.notifier = new Notifier(pubsub, config.notifyKeyspaceEvents);
        this.keyEvents = new KeyEvents(blockedClients, watches, notifier);
        notifier.onMissInterest(keyspace::reportMisses);
        this.startMillis = clock.millis();
        Runtime rt = Runtime.getRuntime();
        this.usedMemoryStartup = rt.totalMemory() - rt.freeMemory();
        this.persistence = new Persistence(config, keyspace, clock);
        this.aof = new Aof(this);
        this.dispatcher = new Dispatcher(this);
        this.limits = buildLimits();
        config.protoMaxBulkLen.onChange(v -> limits = buildLimits());
        config.clientQueryBufferLimit.onChange(v -> limits = buildLimits());
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

    public Keyspace keyspace() {
        return keyspace;
    }

    public ClientRegistry clients() {
        return clients;
    }

    /** The clients blocked in BLPOP and the like; also the keyspace's key listener. */
    public BlockedClients blockedClients() {
        return blockedClients;
    }

    /** Channels, patterns and their subscribers. */
    public PubSub pubsub() {
        return pubsub;
    }

    /** The WATCHed keys of every client. */
    public Watches watches() {
        return watches;
    }

    /** Keyspace notifications (notify-keyspace-events and packs' listeners). */
    public Notifier notifier() {
        return notifier;
    }

    /** What the keyspace must tell of key changes: blocked clients, watches, notifications. */
    public io.pyredis.storage.KeyListener keyListener() {
        return keyEvents;
    }

    public ServerStats stats() {
        return stats;
    }

    /** Every command by name, built-in and from packs. */
    public CommandTable commands() {
        return commands;
    }

    /** The packs loaded at start, built-in commands first. */
    public List<LoadedPack> packs() {
        return packs;
    }

    /** RDB snapshots: SAVE/BGSAVE, the save rules, the dirty counter, MISCONF. */
    public Persistence persistence() {
        return persistence;
    }

    /** The append-only file (off unless {@code appendonly}). */
    public Aof aof() {
        return aof;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** When the server started, in unix ms (INFO uptime). */
    public long startMillis() {
        return startMillis;
    }

    /** INFO's run_id: 40 random hex digits, new at each start. */
    public String runId() {
        return runId;
    }

    /** INFO's master_replid: 40 random hex digits. */
    public String replId() {
        return replId;
    }

    /** The heap in use when the server was built (INFO used_memory_startup). */
    public long usedMemoryStartup() {
        return usedMemoryStartup;
    }

    private static String randomHex40() {
        byte[] b = new byte[20];
        new java.security.SecureRandom().nextBytes(b);
        StringBuilder sb = new StringBuilder(40);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }

    /** The parser limits for new connections (from proto-max-bulk-len and client-query-buffer-limit). */
    public RespLimits limits() {
        return limits;
    }

    /** The TCP port listened on (the chosen one when the config said 0). */
    public int port() {
        return port;
    }

    /** The event loop all clients and commands run on; null before start. */
    public EventLoop eventLoop() {
        return eventLoop;
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

    /** Wiring by the server: what {@link #requestShutdown()} does, the loop, the port. */
    public void started(EventLoop loop, int port, Runnable shutdown) {
        this.eventLoop = loop;
        this.port = port;
        persistence.attach(loop);
        this.shutdown = shutdown;
    }
}
