package io.pyredis.server.internal;

import io.netty.util.concurrent.ScheduledFuture;
import io.pyredis.api.BlockingCommand;
import io.pyredis.api.RedisError;
import io.pyredis.protocol.RespWriter;
import io.pyredis.storage.KeyListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The clients blocked by a {@link BlockingCommand} (BLPOP and the like), as Redis's
 * blocked.c keeps them: one FIFO line of clients per (database, key). It is the keyspace's
 * {@link KeyListener}: a change to a key somebody waits on marks the key ready, and after
 * the command that changed it (the dispatcher calls {@link #serveReady()}), each client in
 * that key's line, longest-waiting first, runs its command again with the same arguments.
 * A client that replies this time is unblocked and its buffered requests are processed; one
 * that blocks again keeps its place and its deadline.
 *
 * <p>Everything runs on the event loop, like the commands.
 */
public final class BlockedClients implements KeyListener {

    private static final Logger LOG = LoggerFactory.getLogger(BlockedClients.class);

    /** Redis's error reply for CLIENT UNBLOCK ... ERROR. */
    static final String UNBLOCKED = "UNBLOCKED client unblocked via CLIENT UNBLOCK";

    private final ServerContext server;
    private final Map<DbKey, ArrayDeque<Waiter>> lines = new HashMap<>();
    private final ArrayDeque<DbKey> ready = new ArrayDeque<>();
    private final Set<DbKey> readySet = new HashSet<>();
    /** For lookups from {@link #keyModified} without allocating. */
    private final DbKey probe = new DbKey();
    private int blocked;
    private boolean serving;

    BlockedClients(ServerContext server) {
        this.server = server;
    }

    /** The number of blocked clients (INFO's {@code blocked_clients}). */
    public int blockedCount() {
        return blocked;
    }

    @Override
    public void keyModified(int db, byte[] key) {
        if (blocked == 0) {
            return;
        }
        probe.set(db, key);
        boolean wanted = lines.containsKey(probe) && !readySet.contains(probe);
        probe.key = null;
        if (!wanted) {
            return;
        }
        DbKey k = new DbKey(db, key.clone());
        readySet.add(k);
        ready.add(k);
    }

    /**
     * Databases {@code a} and {@code b} just swapped their contents (SWAPDB): every key
     * waited on in either that is now stored becomes ready, as Redis's
     * scanDatabaseForReadyKeys. Clients stay with their database index.
     */
    public void databasesSwapped(int a, int b) {
        if (blocked == 0) {
            return;
        }
        for (DbKey k : lines.keySet()) {
            if ((k.db == a || k.db == b) && !readySet.contains(k) && server.keyspace().isStored(k.db, k.key)) {
                readySet.add(k);
                ready.add(k);
            }
        }
    }

    /** Whether a key somebody waits on changed since the last {@link #serveReady()}. */
    public boolean hasReady() {
        return !ready.isEmpty();
    }

    /**
     * Parks {@code c}, whose {@code command} just asked to block on {@code keys}: from now
     * on its further requests wait in its buffer. Called by the dispatcher once the command
     * has returned.
     */
    public void park(Connection c, BlockingCommand command, byte[][] args, byte[][] keys, long timeoutMillis) {
        int db = c.session().db();
        DbKey[] unique = new DbKey[keys.length];
        int n = 0;
        for (byte[] key : keys) {
            DbKey k = new DbKey(db, key);
            if (!Arrays.asList(unique).subList(0, n).contains(k)) {
                unique[n++] = k;
            }
        }
        Waiter w = new Waiter(c, command, args, Arrays.copyOf(unique, n));
        for (DbKey k : w.keys) {
            lines.computeIfAbsent(k, x -> new ArrayDeque<>()).addLast(w);
        }
        if (timeoutMillis > 0) {
            w.timer = server.eventLoop().schedule(() -> timedOut(w), timeoutMillis, TimeUnit.MILLISECONDS);
        }
        blocked++;
        c.parked(w);
    }

    /**
     * Serves the clients waiting on the keys changed since the last call, oldest first, until
     * no key is left ready (a served BLMOVE may make its destination ready in turn).
     */
    public void serveReady() {
        if (serving) {
            return;
        }
        serving = true;
        try {
            DbKey k;
            while ((k = ready.poll()) != null) {
                readySet.remove(k);
                ArrayDeque<Waiter> line = lines.get(k);
                if (line == null) {
                    continue;
                }
                for (Waiter w : line.toArray(new Waiter[0])) {
                    if (w.connection.waiter() != w) {
                        continue; // served through another key meanwhile, or gone
                    }
                    if (!server.keyspace().db(k.db).exists(k.key)) {
                        break; // every blocking command needs its key to exist
                    }
                    rerun(w);
                }
            }
        } finally {
            serving = false;
        }
    }

    private void rerun(Waiter w) {
        Connection c = w.connection;
        server.keyspace().refreshTime();
        RespWriter out = c.reply();
        int mark = out.size();
        c.reblocked = false;
        io.pyredis.server.internal.persistence.aof.Aof aof = server.aof();
        boolean recording = aof.recording();
        long dirty = aof.dirty();
        long records = aof.records();
        if (recording) {
            aof.enter();
        }
        try {
            w.command.execute(c, w.args);
        } catch (RedisError e) {
            truncate(c, mark);
            if ("WRONGTYPE".equals(e.code())) {
                // As Redis 7.0: a key of another type does not serve, the client keeps waiting.
                return;
            }
            c.reply().error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Blocked command '{}' failed", w.command.spec().name(), e);
            truncate(c, mark);
            c.reply().error("ERR internal error in '" + w.command.spec().name() + "' command: " + e);
        } finally {
            if (recording) {
                aof.exit(c.session().db(), w.args, dirty, records);
            }
        }
        if (c.reblocked && c.reply().size() == mark) {
            c.reblocked = false;
            return;
        }
        c.reblocked = false;
        finish(w);
    }

    private static void truncate(Connection c, int mark) {
        if (c.reply().size() != mark) {
            c.truncateReply(mark);
        }
    }

    private void timedOut(Waiter w) {
        Connection c = w.connection;
        if (c.waiter() != w) {
            return;
        }
        w.timer = null;
        reply(w, false);
        finish(w);
    }

    /**
     * CLIENT UNBLOCK: unblocks client {@code clientId} if it is blocked, replying as on a
     * timeout, or with {@code -UNBLOCKED client unblocked via CLIENT UNBLOCK} when
     * {@code error}. Returns whether it was blocked (CLIENT UNBLOCK's 1 or 0).
     */
    public boolean unblock(long clientId, boolean error) {
        ClientSession s = server.clients().get(clientId);
        if (s == null) {
            return false;
        }
        Waiter w = s.connection().waiter();
        if (w == null) {
            return false;
        }
        reply(w, error);
        finish(w);
        return true;
    }

    private void reply(Waiter w, boolean error) {
        Connection c = w.connection;
        int mark = c.reply().size();
        if (error) {
            c.reply().error(UNBLOCKED);
            return;
        }
        try {
            w.command.timeout(c, w.args);
        } catch (RuntimeException e) {
            LOG.error("Timeout reply of '{}' failed", w.command.spec().name(), e);
            truncate(c, mark);
            c.reply().nullArray();
        }
    }

    /** A client that disconnected while blocked: forget it. */
    void disconnected(Connection c) {
        Waiter w = c.waiter();
        if (w != null) {
            unpark(w);
        }
    }

    /** The client has its reply: out of every line, reply sent, buffered requests processed next. */
    private void finish(Waiter w) {
        unpark(w);
        Connection c = w.connection;
        c.flush();
        server.eventLoop().execute(c::resume);
    }

    private void unpark(Waiter w) {
        for (DbKey k : w.keys) {
            ArrayDeque<Waiter> line = lines.get(k);
            if (line != null) {
                line.remove(w);
                if (line.isEmpty()) {
                    lines.remove(k);
                }
            }
        }
        if (w.timer != null) {
            w.timer.cancel(false);
            w.timer = null;
        }
        blocked--;
        w.connection.unparked();
    }

    /** One blocked client: what to run again, and where it waits. */
    static final class Waiter {
        final Connection connection;
        final BlockingCommand command;
        final byte[][] args;
        final DbKey[] keys;
        ScheduledFuture<?> timer;

        Waiter(Connection connection, BlockingCommand command, byte[][] args, DbKey[] keys) {
            this.connection = connection;
            this.command = command;
            this.args = args;
            this.keys = keys;
        }
    }
}
