package io.pyredis.core;

import io.pyredis.core.acl.Acl;
import io.pyredis.core.client.Client;
import io.pyredis.core.client.ClientHost;
import io.pyredis.core.client.ClientOutput;
import io.pyredis.core.client.ClientRegistry;
import io.pyredis.core.client.OutputLimit;
import io.pyredis.core.command.CommandTable;
import io.pyredis.core.exec.BlockedClients;
import io.pyredis.core.exec.CallUnit;
import io.pyredis.core.exec.KeyEvents;
import io.pyredis.core.exec.Propagation;
import io.pyredis.core.exec.Tracking;
import io.pyredis.core.exec.Transactions;
import io.pyredis.core.exec.Watches;
import io.pyredis.core.loop.Loop;
import io.pyredis.core.pubsub.Notifier;
import io.pyredis.core.pubsub.PubSub;
import io.pyredis.core.stats.ServerStats;
import io.pyredis.protocol.RespLimits;
import io.pyredis.storage.Clock;
import io.pyredis.storage.Keyspace;

import java.util.ArrayList;
import java.util.List;

/**
 * The execution core of one server, wired: the keyspace, the command table, the
 * {@link CallUnit} every command goes through, the clients, pub/sub and notifications,
 * blocking, watches and propagation. The server puts a transport, persistence and its own
 * commands around it; the testkit drives it directly with a manual loop and clients
 * without a connection.
 *
 * <p>It is each client's {@link ClientHost}: requests go to the call unit, and replies may
 * be held while something (the AOF) must be written before they leave.
 */
public final class Engine implements ClientHost {

    private final Keyspace keyspace;
    private final Clock clock;
    private final Loop loop;
    private final CommandTable commands;
    private final ServerStats stats = new ServerStats();
    private final ClientRegistry clients = new ClientRegistry();
    private final PubSub pubsub = new PubSub();
    private final Notifier notifier = new Notifier(pubsub);
    private final CallUnit unit;
    private final Acl acl;
    private final Tracking tracking;
    private volatile RespLimits limits = RespLimits.DEFAULT;
    private volatile OutputLimit normalLimit = OutputLimit.NONE;
    private volatile OutputLimit pubsubLimit = OutputLimit.NONE;

    // Replies held until what their commands propagated is written (the AOF's beforeSleep).
    private boolean holding;
    private final List<Client> held = new ArrayList<>();
    private Runnable writeHeld = () -> { };
    /** Told of every client whose connection ended (replication forgets its replicas). */
    private final List<java.util.function.Consumer<Client>> disconnectListeners = new ArrayList<>();

    /**
     * @param keyspace the data; its key listener becomes the engine's (further listeners,
     *                 such as persistence's, may be added to it)
     * @param clock    the time of idle and output-limit checks (the keyspace's own clock
     *                 decides expiry)
     */
    public Engine(Keyspace keyspace, Clock clock, Loop loop, CommandTable commands) {
        this.keyspace = keyspace;
        this.clock = clock;
        this.loop = loop;
        this.commands = commands;
        this.unit = CallUnit.create(keyspace, commands, stats, notifier, pubsub, loop);
        this.acl = unit.acl();
        this.tracking = new Tracking(unit, clients, pubsub, loop);
        unit.addObserver(tracking);
        keyspace.setKeyListener(new KeyEvents(unit, tracking));
        notifier.onMissInterest(keyspace::reportMisses);
        // Redis's lua_client: outside CLIENT LIST, shown as "lua" (MONITOR's "[0 lua]").
        unit.scripts().clientFactory(() -> {
            Client c = new Client(this, clients.nextId(), null, "lua", "", limits);
            c.authenticated(true);
            return c;
        });
    }

    /** The ACL users, rules and log. */
    public Acl acl() {
        return acl;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    public Loop loop() {
        return loop;
    }

    public CommandTable commands() {
        return commands;
    }

    public CallUnit callUnit() {
        return unit;
    }

    public ServerStats stats() {
        return stats;
    }

    public ClientRegistry clients() {
        return clients;
    }

    public PubSub pubsub() {
        return pubsub;
    }

    public Notifier notifier() {
        return notifier;
    }

    public Watches watches() {
        return unit.watches();
    }

    public BlockedClients blocked() {
        return unit.blocked();
    }

    /** Client-side caching: the tracking table and its invalidations. */
    public Tracking tracking() {
        return tracking;
    }

    public Propagation propagation() {
        return unit.propagation();
    }

    /** The parser limits of clients connected from now on. */
    public void limits(RespLimits l) {
        this.limits = l;
    }

    /** The output buffer limits of normal and pub/sub clients. */
    public void outputLimits(OutputLimit normal, OutputLimit pubsub) {
        this.normalLimit = normal;
        this.pubsubLimit = pubsub;
    }

    // ---- clients ---------------------------------------------------------------------

    /** A client for a new connection, registered (CLIENT LIST sees it). */
    public Client connect(ClientOutput output, String remoteAddress, String localAddress) {
        Client c = new Client(this, clients.nextId(), output, remoteAddress, localAddress, limits);
        // As createClient: the default user, authenticated when it is on and nopass.
        c.user(acl.defaultUser());
        c.authenticated(acl.newClientsAuthenticated());
        clients.add(c);
        return c;
    }

    /**
     * A client without a connection and outside CLIENT LIST: its replies stay in its writer
     * for the caller. {@code id} is {@link Client#AOF_CLIENT_ID} for the AOF loader's.
     */
    public Client detachedClient(long id) {
        Client c = new Client(this, id, null, "", "", limits);
        c.authenticated(true);
        return c;
    }

    /** Adds a listener told of each client whose connection ended, after its own state is cleared. */
    public void onDisconnect(java.util.function.Consumer<Client> listener) {
        disconnectListeners.add(listener);
    }

    /** The connection of {@code c} is gone: its waits, watches and subscriptions end. */
    public void disconnected(Client c) {
        for (java.util.function.Consumer<Client> l : disconnectListeners) {
            l.accept(c);
        }
        c.disconnected();
        if (c.isBlocked()) {
            unit.blocked().disconnected(c);
        }
        if (c.transaction(false) != null) {
            unit.watches().unwatchAll(c.transaction(false));
        }
        if (c.subscriptions(false) != null) {
            pubsub.forget(c);
        }
        if (c.tracking() != null) {
            tracking.disable(c);
        }
        if (c.held()) {
            c.held(false);
            held.remove(c);
        }
        clients.remove(c);
    }

    /** Ends {@code c}'s MULTI, if any (the AOF loader's, at the end of a file). */
    public void discardTransaction(Client c) {
        Transactions.discardTransaction(c, unit.watches());
    }

    // ---- replies held for the AOF ----------------------------------------------------------

    /**
     * From now until {@link #releaseReplies()}, clients' replies wait: what their commands
     * propagated must be written first (Redis writes the AOF in beforeSleep, before it sends
     * replies). {@code writeNow} writes it at once, for a client that must close.
     */
    public void holdReplies(Runnable writeNow) {
        this.holding = true;
        this.writeHeld = writeNow;
    }

    /** Whether replies are held. */
    public boolean repliesHeld() {
        return holding;
    }

    /** The held replies may go: each waiting client is flushed. */
    public void releaseReplies() {
        holding = false;
        for (int i = 0; i < held.size(); i++) {
            Client c = held.get(i);
            c.held(false);
            c.flush();
        }
        held.clear();
    }

    /** The held replies must never go (the server is exiting after a failed AOF write): their clients are closed. */
    public void dropHeldReplies() {
        for (Client c : held) {
            c.held(false);
            c.close();
        }
        held.clear();
    }

    // ---- ClientHost ------------------------------------------------------------------------

    @Override
    public long process(Client c, byte[][] request, long startNanos) {
        return unit.process(c, request, startNanos);
    }

    @Override
    public long millis() {
        return clock.millis();
    }

    @Override
    public boolean holdReplies(Client c) {
        if (!holding) {
            return false;
        }
        if (!c.held()) {
            c.held(true);
            held.add(c);
        }
        return true;
    }

    @Override
    public void releaseRepliesNow() {
        if (holding) {
            writeHeld.run();
            releaseReplies();
        }
    }

    @Override
    public OutputLimit outputLimit(boolean pubsubClass) {
        return pubsubClass ? pubsubLimit : normalLimit;
    }

    @Override
    public long queryBufferLimit() {
        return limits.queryBufferLimit();
    }
}
