package io.pyredis.server;

import io.pyredis.api.Command;
import io.pyredis.api.CommandPack;
import io.pyredis.api.PackContext;
import io.pyredis.api.PersistentType;
import io.pyredis.core.util.Failures;
import io.pyredis.server.internal.FileLimit;
import io.pyredis.server.internal.ServerPackContext;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.server.internal.ServerCron;
import io.pyredis.server.internal.commands.BuiltinCommands;
import io.pyredis.server.internal.config.BadValueException;
import io.pyredis.server.internal.config.ServerConfig;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.CommandTable;
import io.pyredis.server.internal.net.Transport;
import io.pyredis.server.internal.plugin.LoadedPack;
import io.pyredis.server.internal.plugin.CommandWatchdog;
import io.pyredis.server.internal.plugin.PackLoader;
import io.pyredis.server.internal.plugin.PluginRegistry;
import io.pyredis.storage.Clock;
import io.pyredis.storage.Keyspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pyredis server, embeddable: an in-process Redis for tests or applications.
 *
 * <pre>{@code
 * try (PyRedisServer server = PyRedisServer.builder().set("port", "0").build().start()) {
 *     int port = server.port();
 *     // connect any Redis client to 127.0.0.1:port
 * }
 * }</pre>
 *
 * <p>Config parameters are set by their redis.conf names, validated as in a config
 * file; command packs on the class path or module path are found by ServiceLoader, plus
 * those in {@code plugins-dir} and those added with {@link Builder#addPack}.
 *
 * @since 0.1
 */
public final class PyRedisServer implements AutoCloseable {

    private final ServerConfig config;
    private final Clock clock;
    private final List<CommandPack> extraPacks;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Integer> stopped = new CompletableFuture<>();
    private volatile Transport transport;
    private volatile ServerContext context;
    private volatile CommandWatchdog watchdog;
    private List<String> pluginWarnings = List.of();

    private PyRedisServer(ServerConfig config, Clock clock, List<CommandPack> extraPacks) {
        this.config = config;
        this.clock = clock;
        this.extraPacks = List.copyOf(extraPacks);
    }

    /** A builder with Redis's defaults (port 6379 on 127.0.0.1 and ::1). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the command packs and starts listening; returns once the server accepts
     * connections.
     *
     * @return this server
     * @throws UncheckedIOException  when no listening socket could be opened (port in use)
     * @throws IllegalStateException when already started or closed
     */
    public PyRedisServer start() {
        if (closed.get() || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("start() may be called once, before close()");
        }
        Logger log = LoggerFactory.getLogger(PyRedisServer.class);
        if (!FileLimit.adjustAtStart(config)) {
            closed.set(true);
            throw new UncheckedIOException(new java.io.IOException("the open file limit leaves no room for clients"));
        }
        config.maxclients.onChange(FileLimit::checkOnSet);
        CommandTable table = new CommandTable();
        Keyspace keyspace = new Keyspace(config.databases.intValue(), clock);
        config.bindEncodingLimits(keyspace.encodingLimits());
        Transport t = new Transport();
        ServerContext ctx = new ServerContext(config, clock, keyspace, t.loop(), table);
        List<CommandPack> accepted = new ArrayList<>();
        PluginRegistry plugins = new PluginRegistry(table, keyspace, name -> new ServerPackContext(ctx),
                () -> Path.of(config.pluginsDir.value()));
        ctx.plugins(plugins);
        PackLoader.Sink sink = (pack, commands, origin, plugin) -> {
            List<PersistentType<?>> types;
            try {
                types = List.copyOf(pack.dataTypes());
            } catch (Throwable e) {
                Failures.rethrowIfFatal(e);
                return "dataTypes() failed: " + e;
            }
            String bad = plugins.checkTypes(types, Set.of());
            if (bad != null) {
                return bad;
            }
            String refused = register(ctx, pack.name(), commands, origin, plugin);
            if (refused == null) {
                accepted.add(pack);
                plugins.addFixedTypes(pack.name(), types);
                if (!types.isEmpty()) {
                    log.info("Pack '{}' has data types {}", pack.name(),
                            types.stream().map(x -> x.name() + " (encoding version " + x.encodingVersion() + ")").toList());
                }
            }
            return refused;
        };
        register(ctx, "builtin", BuiltinCommands.all(ctx), "built-in", false);
        PackLoader loader = new PackLoader(sink);
        for (CommandPack p : extraPacks) {
            String refused = sink.accept(p, p.commands(), "PyRedisServer.builder()", false);
            if (refused != null) {
                t.close();
                throw new IllegalArgumentException("Pack '" + p.name() + "' cannot be added: " + refused);
            }
        }
        loader.loadFromPath();
        loader.groups(plugins::addAtStart);
        loader.loadFromDirectory(Path.of(config.pluginsDir.value()));
        pluginWarnings = loader.warnings();
        // As ACLLoadUsersAtStartup: after the packs, so that rules can name their commands.
        if (!config.aclfile.value().isEmpty() && !config.registry.users().isEmpty()) {
            closed.set(true);
            t.close();
            String m = "Configuring Redis with users defined in redis.conf and at the same setting an ACL file path "
                    + "is invalid. This setup is very likely to lead to configuration errors and security holes, "
                    + "please define either an ACL file or declare users directly in your redis.conf, but not both.";
            log.error(m);
            throw new UncheckedIOException(new IOException(m));
        }
        String userErrors = ctx.engine().acl().loadConfigured(config.registry.users());
        if (userErrors != null) {
            closed.set(true);
            t.close();
            log.error("{}", userErrors);
            log.error("Critical error while loading ACLs. Exiting.");
            throw new UncheckedIOException(new IOException(userErrors));
        }
        if (!config.aclfile.value().isEmpty()) {
            String aclErrors = ctx.loadAclFile().error();
            if (aclErrors != null) {
                closed.set(true);
                t.close();
                log.error("Aborting Redis startup because of ACL errors: {}", aclErrors);
                throw new UncheckedIOException(new IOException("ACL errors: " + aclErrors));
            }
        }

        // Before the dataset is loaded: RDB and RESTORE read plugin values with these.
        keyspace.moduleTypes(plugins.moduleTypes());
        try {
            // As Redis 7.0: with appendonly yes the AOF is loaded (or created), never the RDB.
            // Loading runs on this thread before any client connects; the loop is idle.
            if (!ctx.aof().loadAtStart()) {
                ctx.persistence().loadAtStart();
            }
        } catch (io.pyredis.server.internal.persistence.aof.AofException e) {
            closed.set(true);
            t.close();
            log.error("{}", e.getMessage());
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        } catch (io.pyredis.storage.RdbLoadException e) {
            closed.set(true);
            t.close();
            log.error("Fatal error loading the DB: {}. Exiting.", e.getMessage());
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        } catch (IOException e) {
            closed.set(true);
            t.close();
            throw new UncheckedIOException("Fatal error loading the DB " + ctx.persistence().file() + ": " + e, e);
        }
        keyspace.addKeyListener(ctx.persistence());
        config.appendonly.onChange(on -> ctx.aof().setEnabled(on));
        int port;
        try {
            port = t.bind(ctx);
        } catch (IOException e) {
            closed.set(true);
            throw new UncheckedIOException(e.getMessage(), e);
        }
        ctx.started(port, this::close);
        // CONFIG SET port / bind move the listeners, or are undone when they cannot (Redis's texts).
        config.port.onChange(v -> rebind(ctx, t, "Unable to listen on this port. Check server logs."));
        config.bind.onChange(v -> rebind(ctx, t, "Failed to bind to specified addresses."));
        startPacks(ctx, accepted, log);
        onLoop(ctx, () -> {
            plugins.startAll();
            return null;
        });
        new ServerCron(ctx).start();
        CommandWatchdog watchdog = new CommandWatchdog(ctx.engine().callUnit().running(),
                () -> config.pluginCommandWatchdog.longValue());
        watchdog.start();
        this.watchdog = watchdog;
        String replicaof = config.replicaof.value();
        if (!replicaof.isEmpty()) {
            // replicaof host port in the config or on the command line: a replica from the start.
            String[] hp = replicaof.split(" ");
            ctx.engine().loop().execute(() -> ctx.replication().replicaOf(hp[0], Integer.parseInt(hp[1])));
        }
        this.context = ctx;
        this.transport = t;
        log.info("Server initialized: {} commands from {} packs, {} databases", table.size(), ctx.packs().size(),
                config.databases.intValue());
        log.info("Ready to accept connections tcp on {}", String.join(", ", t.addresses()));
        return this;
    }

    private static void rebind(ServerContext ctx, Transport t, String refusal) throws BadValueException {
        try {
            ctx.listening(t.rebind(ctx.config()));
        } catch (IOException e) {
            LoggerFactory.getLogger(PyRedisServer.class).warn("{}", e.getMessage());
            throw new BadValueException("port", refusal);
        }
    }

    /** Calls each loaded pack's {@link CommandPack#start} on the loop; a failing pack is logged. */
    private static void startPacks(ServerContext ctx, List<CommandPack> packs, Logger log) {
        PackContext pc = new ServerPackContext(ctx);
        onLoop(ctx, () -> {
            for (CommandPack p : packs) {
                try {
                    p.start(pc);
                } catch (Throwable e) {
                    // An Error too: one broken pack must not stop the others starting, nor
                    // the server's own start (its cron is scheduled after this).
                    Failures.rethrowIfFatal(e);
                    log.error("Pack '{}' failed to start", p.name(), e);
                }
            }
            return null;
        });
    }

    /** {@link #onLoop(ServerContext, java.util.concurrent.Callable, long)}, waiting as long as it takes. */
    private static <T> T onLoop(ServerContext ctx, java.util.concurrent.Callable<T> task) {
        return onLoop(ctx, task, 0);
    }

    /**
     * Runs {@code task} on the server's loop and waits for its result, at most
     * {@code timeoutSeconds} (0: for ever).
     *
     * @throws IllegalStateException when it failed, timed out or the loop no longer runs
     */
    private static <T> T onLoop(ServerContext ctx, java.util.concurrent.Callable<T> task, long timeoutSeconds) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            ctx.loop().execute(() -> {
                try {
                    f.complete(task.call());
                } catch (Exception | Error e) {
                    f.completeExceptionally(e);
                }
            });
            return timeoutSeconds == 0 ? f.get() : f.get(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String register(ServerContext ctx, String packName, List<Command> commands, String origin,
                                   boolean plugin) {
        CommandTable table = ctx.commands();
        List<CommandEntry> entries = new ArrayList<>(commands.size());
        for (Command c : commands) {
            String name = c.spec().name();
            if (table.contains(name)) {
                return "command '" + name + "' is already taken by pack '" + table.get(name).packName() + "'";
            }
            try {
                entries.add(new CommandEntry(c, packName, plugin ? packName : null));
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        for (CommandEntry e : entries) {
            table.put(e.name(), e);
        }
        ctx.loaded(new LoadedPack(packName, commands, origin));
        return null;
    }

    /** The TCP port listened on: the configured one, or the one picked when it was 0. */
    public int port() {
        ServerContext c = context;
        if (c == null) {
            throw new IllegalStateException("not started");
        }
        return c.port();
    }

    /**
     * The number of clients blocked in BLPOP and the like (INFO's {@code blocked_clients}),
     * read on the server's thread.
     *
     * @throws IllegalStateException when not started
     */
    public int blockedClients() {
        ServerContext c = context;
        if (c == null) {
            throw new IllegalStateException("not started");
        }
        return onLoop(c, () -> c.blockedClients().blockedCount());
    }

    /**
     * Tells the server that its clock jumped (a {@link io.pyredis.storage.ManualClock}
     * moved): blocked clients whose timeout has passed on that clock are answered now, and
     * an active expiry cycle reclaims the keys that expired, without waiting for the next
     * cron tick. Returns once done.
     *
     * @throws IllegalStateException when not started
     */
    public void clockMoved() {
        ServerContext c = running();
        onLoop(c, () -> {
            c.blockedClients().clockMoved();
            if (c.debug().activeExpireEnabled) {
                c.keyspace().activeExpireCycle(Long.MAX_VALUE);
            }
            if (c.pubsub().hasPending()) {
                c.pubsub().flushPending();
            }
            return null;
        }, 10);
    }

    /**
     * Fault injection for tests: disk and network failures met where the server meets
     * real ones (the AOF write, the RDB save, the fsync, the client sockets).
     *
     * @throws IllegalStateException when not started
     */
    public Faults faults() {
        return new Faults(running());
    }

    private ServerContext running() {
        ServerContext c = context;
        if (c == null) {
            throw new IllegalStateException("not started");
        }
        return c;
    }

    /**
     * The failures a test can make a running server meet, each as the real one would
     * show: Redis's log lines, INFO fields and MISCONF refusals follow.
     *
     * @since 0.1
     */
    public static final class Faults {
        private final ServerContext ctx;

        private Faults(ServerContext ctx) {
            this.ctx = ctx;
        }

        /**
         * The next write to the AOF fails with ENOSPC: writes are then refused with
         * {@code -MISCONF Errors writing to the AOF file: No space left on device} until
         * a write works again; with {@code appendfsync always} the server exits, as Redis.
         */
        public Faults failNextAofWrite() {
            return failAofWrites(1);
        }

        /**
         * The next {@code n} writes to the AOF fail with ENOSPC, the retries of the cron
         * included (a disk that stays full until {@link #reset()}).
         */
        public Faults failAofWrites(int n) {
            ctx.persistence().faults().failAofWrites(n);
            return this;
        }

        /**
         * The next RDB save (SAVE, BGSAVE or a save rule) fails with ENOSPC: INFO shows
         * {@code rdb_last_bgsave_status:err} after a BGSAVE, and with save rules and
         * {@code stop-writes-on-bgsave-error yes} writes get Redis's MISCONF error.
         */
        public Faults failNextRdbSave() {
            ctx.persistence().faults().failRdbSaves(1);
            return this;
        }

        /** Every fsync of the AOF takes {@code delay} longer, as on a busy disk; zero for none. */
        public Faults slowFsync(java.time.Duration delay) {
            ctx.persistence().faults().slowFsync(delay.toNanos());
            return this;
        }

        /** Disarms the disk faults not met yet and ends a slow fsync. */
        public Faults reset() {
            ctx.persistence().faults().failAofWrites(0);
            ctx.persistence().faults().failRdbSaves(0);
            ctx.persistence().faults().slowFsync(0);
            return this;
        }

        /** Drops every client connection at once, as a network cut; the server keeps listening. */
        public Faults cutConnections() {
            onLoop(ctx, () -> {
                for (io.pyredis.core.client.Client c : List.copyOf(ctx.clients().all())) {
                    c.close();
                }
                return null;
            }, 10);
            return this;
        }
    }

    /** The server's internals, for this module's tests. */
    ServerContext context() {
        return context;
    }

    /** Runs {@code task} on the server's loop and waits for its result, for this module's tests. */
    <T> T runOnLoop(java.util.concurrent.Callable<T> task) {
        return onLoop(context, task, 10);
    }

    /** The current value of a config parameter as CONFIG GET shows it, or null when there is none. */
    public String config(String name) {
        return config.registry.get(name);
    }

    /** The WARN messages of plugins skipped at start (empty when all loaded). */
    public List<String> pluginWarnings() {
        return pluginWarnings;
    }

    /**
     * Stops listening, closes every client and waits for the server's threads to end.
     * Idempotent. Called from a command (SHUTDOWN) it starts the stop and returns at once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CommandWatchdog w = watchdog;
        if (w != null) {
            w.stop();
        }
        Transport t = transport;
        if (t != null) {
            boolean inLoop = t.inEventLoop();
            flushAof(context, inLoop);
            t.close();
            if (!inLoop) {
                t.awaitTermination();
            }
            LoggerFactory.getLogger(PyRedisServer.class).info("Redis is now ready to exit, bye bye...");
        }
        ServerContext c = context;
        stopped.complete(c == null ? 0 : c.exitStatus());
    }

    /**
     * Completes when the server stops ({@link #close()}, SHUTDOWN, a signal) with the exit
     * status redis-server would have: 0, or 1 after a fatal error (an AOF write that
     * failed with {@code appendfsync always}, where Redis exits at once).
     */
    public CompletableFuture<Integer> stopped() {
        return stopped;
    }

    /** Writes and fsyncs what the AOF holds, on the loop, before the loop stops. */
    private static void flushAof(ServerContext c, boolean inLoop) {
        if (c == null) {
            return;
        }
        if (inLoop) {
            c.aof().shutdown();
            return;
        }
        try {
            onLoop(c, () -> {
                c.aof().shutdown();
                return null;
            }, 10);
        } catch (IllegalStateException e) {
            LoggerFactory.getLogger(PyRedisServer.class).warn("AOF flush at shutdown failed: {}", e.toString());
        }
    }

    /**
     * Stops as on SIGTERM: saves the snapshot first when save rules are configured (as
     * Redis does), then {@link #close()}s. Call it from outside the server's thread.
     */
    public void shutdownOnSignal() {
        ServerContext c = context;
        if (c != null && !closed.get() && c.persistence().hasSaveRules()) {
            try {
                onLoop(c, () -> {
                    LoggerFactory.getLogger(PyRedisServer.class).info("Saving the final RDB snapshot before exiting.");
                    c.persistence().save();
                    return null;
                });
            } catch (IllegalStateException e) {
                LoggerFactory.getLogger(PyRedisServer.class).warn("Final save failed: {}", e.toString());
            }
        }
        close();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Builds a {@link PyRedisServer}. Values are validated when set, with the message a
     * config file would get ({@code Bad config in ...: 'port' must be an integer from 0
     * to 65535, got "abc"}) as an {@link IllegalArgumentException}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private Path configFile;
        private final List<Map.Entry<String, String>> overrides = new ArrayList<>();
        private String overrideSource = "PyRedisServer.builder()";
        private Clock clock = Clock.system();
        private final List<CommandPack> packs = new ArrayList<>();
        private boolean redisSaveDefault;

        private Builder() {
        }

        /**
         * Keeps Redis's default {@code save} rules even without a config file, as the
         * command line does. An embedded server otherwise starts with {@code save ""}: it
         * still loads {@code dir}/{@code dbfilename} at start and SAVE works, but it never
         * writes a snapshot into the working directory on its own (nor on SHUTDOWN) unless
         * the config file or {@link #set} asks for save rules.
         */
        Builder redisSaveDefault() {
            this.redisSaveDefault = true;
            return this;
        }

        /** Reads this JSON config file first (keys as in redis.conf); {@link #set} values override it. */
        public Builder configFile(Path file) {
            this.configFile = Objects.requireNonNull(file);
            return this;
        }

        /** Sets a config parameter by its redis.conf name: {@code set("port", "0")}. */
        public Builder set(String name, String value) {
            overrides.add(new AbstractMap.SimpleImmutableEntry<>(Objects.requireNonNull(name), Objects.requireNonNull(value)));
            return this;
        }

        /** Names where {@link #set} values came from, in error messages ({@code "the command line"}). */
        Builder overrideSource(String source) {
            this.overrideSource = source;
            return this;
        }

        /** The clock of the keyspace (expiry) and of idle timeouts; tests pass a manual one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Adds a command pack directly, as if it were found on the class path. */
        public Builder addPack(CommandPack pack) {
            packs.add(Objects.requireNonNull(pack));
            return this;
        }

        /**
         * Reads and validates the config.
         *
         * @throws IllegalArgumentException with a one-line message naming the key and where it came from
         */
        public PyRedisServer build() {
            ServerConfig cfg = new ServerConfig();
            if (configFile != null) {
                cfg.registry.loadFile(configFile);
                cfg.configFile = configFile.toAbsolutePath();
            }
            boolean saveGiven = overrides.stream().anyMatch(e -> e.getKey().equalsIgnoreCase("save"));
            if (configFile == null && !redisSaveDefault && !saveGiven) {
                cfg.registry.setAll(List.of(new AbstractMap.SimpleImmutableEntry<>("save", "")), "PyRedisServer.builder()");
            }
            cfg.registry.setAll(overrides, overrideSource);
            return new PyRedisServer(cfg, clock, packs);
        }
    }
}
