package io.pyredis.core.exec;

import io.pyredis.api.BlockingCommand;
import io.pyredis.core.client.Block;
import io.pyredis.core.client.Client;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.loop.Loop;
import io.pyredis.core.util.DbKey;
import io.pyredis.storage.Keyspace;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The clients blocked by a {@link BlockingCommand} (BLPOP and the like), as Redis's
 * blocked.c keeps them: one FIFO line of clients per (database, key). A change to a key
 * somebody waits on marks the key ready, and after the command that changed it (the call
 * unit calls {@link #serveReady()}), each client in that key's line, longest-waiting first,
 * runs its command again, through the call unit, with the same arguments. A client that
 * replies this time is unblocked and its buffered requests are processed; one that blocks
 * again keeps its place and its deadline.
 *
 * <p>Everything runs on the loop, like the commands.
 */
public final class BlockedClients {

    /** Redis's error reply for CLIENT UNBLOCK ... ERROR. */
    static final String UNBLOCKED = "UNBLOCKED client unblocked via CLIENT UNBLOCK";

    private final Keyspace keyspace;
    private final Loop loop;
    private CallUnit unit;
    private final Map<DbKey, ArrayDeque<Block>> lines = new HashMap<>();
    private final ArrayDeque<DbKey> ready = new ArrayDeque<>();
    private final Set<DbKey> readySet = new HashSet<>();
    /** The clients held by CLIENT PAUSE (Redis's BLOCKED_POSTPONE), in the order they came. */
    private final ArrayDeque<Block> postponed = new ArrayDeque<>();
    /** For lookups from {@link #keyModified} without allocating. */
    private final DbKey probe = new DbKey();
    private int blocked;
    /** Blocked clients with a timeout (INFO's clients_in_timeout_table). */
    private int timed;
    private boolean serving;
    /**
     * The timeouts of blocks when the keyspace's clock drives timers (a test's virtual
     * clock): they fire when {@link #clockMoved()} finds that clock past their deadline.
     */
    private final java.util.List<ClockTimer> clockTimers = new java.util.ArrayList<>();

    /** A block's timeout measured on the keyspace's clock rather than by the loop. */
    private final class ClockTimer implements Loop.Timer {
        final Block block;
        final long deadline;

        ClockTimer(Block block, long deadline) {
            this.block = block;
            this.deadline = deadline;
        }

        @Override
        public void cancel() {
            clockTimers.remove(this);
        }
    }

    BlockedClients(Keyspace keyspace, Loop loop) {
        this.keyspace = keyspace;
        this.loop = loop;
    }

    void attach(CallUnit u) {
        this.unit = u;
    }

    /** The number of blocked clients (INFO's {@code blocked_clients}). */
    public int blockedCount() {
        return blocked;
    }

    /** The number of blocked clients waiting with a timeout (INFO's {@code clients_in_timeout_table}). */
    public int timedCount() {
        return timed;
    }

    /** A key changed: if somebody waits on it, it is ready. */
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
            if ((k.db == a || k.db == b) && !readySet.contains(k) && keyspace.isStored(k.db, k.key)) {
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
     * on its further requests wait in its buffer. Called by the call unit once the command
     * has returned.
     */
    void park(Client c, CommandEntry command, byte[][] args, byte[][] keys, long timeoutMillis) {
        int db = c.db();
        DbKey[] unique = new DbKey[keys.length];
        int n = 0;
        for (byte[] key : keys) {
            DbKey k = new DbKey(db, key);
            if (!Arrays.asList(unique).subList(0, n).contains(k)) {
                unique[n++] = k;
            }
        }
        Block b = new Block(c, command, args, Arrays.copyOf(unique, n));
        for (DbKey k : b.keys()) {
            lines.computeIfAbsent(k, x -> new ArrayDeque<>()).addLast(b);
        }
        if (timeoutMillis > 0 && keyspace.clock().drivesTimers()) {
            ClockTimer t = new ClockTimer(b, keyspace.clock().millis() + timeoutMillis);
            clockTimers.add(t);
            b.timer(t);
            timed++;
        } else if (timeoutMillis > 0) {
            b.timer(loop.schedule(() -> timedOut(b), TimeUnit.MILLISECONDS.toNanos(timeoutMillis)));
            timed++;
        }
        blocked++;
        c.parked(b);
    }

    /** Holds {@code c}'s request during CLIENT PAUSE: it blocks without keys or timeout until released. */
    void postpone(Client c, CommandEntry command, byte[][] args) {
        Block b = new Block(c, command, args, new DbKey[0]);
        postponed.addLast(b);
        blocked++;
        c.parked(b);
    }

    /** The pause ended: each held client's request is processed again, in the order they came. */
    void releasePostponed() {
        Block b;
        while ((b = postponed.poll()) != null) {
            release(b);
        }
    }

    private void release(Block b) {
        unpark(b);
        Client c = b.client();
        int mark = c.reply().size();
        unit.process(c, b.args(), System.nanoTime());
        if (c.block() == null) {
            c.blockedCommandReplied(mark);
        }
        c.flush();
        loop.execute(c::resume);
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
                ArrayDeque<Block> line = lines.get(k);
                if (line == null) {
                    continue;
                }
                for (Block b : line.toArray(new Block[0])) {
                    if (b.client().block() != b) {
                        continue; // served through another key meanwhile, or gone
                    }
                    io.pyredis.api.RedisValue v = keyspace.db(k.db).peek(k.key);
                    io.pyredis.api.DataType type = v == null ? null : v.type();
                    BlockingCommand command = (BlockingCommand) b.command().command();
                    if (command.rerunsFor(type)) {
                        rerun(b);
                    } else {
                        String error = command.keyGoneError(type);
                        if (error != null) {
                            fail(b, error);
                        }
                    }
                }
            }
        } finally {
            serving = false;
        }
    }

    /** Ends {@code b}'s wait with {@code error}, as Redis's unblockDeletedStreamReadgroupClients. */
    private void fail(Block b, String error) {
        Client c = b.client();
        int mark = c.reply().size();
        int sp = error.indexOf(' ');
        unit.stats().errorReply(sp < 0 ? error : error.substring(0, sp));
        c.reply().error(error);
        unit.unblockedStats(c, b.command(), b.args(), 0, true);
        finish(b, mark);
    }

    /**
     * Database {@code db} is about to be emptied (FLUSHDB, FLUSHALL): each key waited on
     * there that is stored becomes ready, so that commands that care about a key going
     * away hear of it (Redis's scanDatabaseForDeletedKeys).
     */
    public void databaseFlushing(int db) {
        if (blocked == 0) {
            return;
        }
        for (DbKey k : lines.keySet()) {
            if (k.db == db && !readySet.contains(k) && keyspace.isStored(k.db, k.key)) {
                readySet.add(k);
                ready.add(k);
            }
        }
    }

    private void rerun(Block b) {
        Client c = b.client();
        int mark = c.reply().size();
        unit.rerun(c, b.command(), b.args());
        if (c.reblocked() && c.reply().size() == mark) {
            c.reblocked(false);
            return;
        }
        c.reblocked(false);
        finish(b, mark);
    }

    /**
     * The keyspace's clock may have moved (the cron, or a test advancing its virtual
     * clock): the blocks timed by that clock whose deadline has passed time out now,
     * earliest deadline first. Nothing to do when the clock does not drive timers.
     */
    public void clockMoved() {
        if (clockTimers.isEmpty()) {
            return;
        }
        long now = keyspace.clock().millis();
        ClockTimer[] due = clockTimers.stream().filter(t -> t.deadline <= now)
                .sorted(java.util.Comparator.comparingLong(t -> t.deadline)).toArray(ClockTimer[]::new);
        for (ClockTimer t : due) {
            clockTimers.remove(t);
            timedOut(t.block);
        }
    }

    private void timedOut(Block b) {
        Client c = b.client();
        if (c.block() != b) {
            return;
        }
        b.timer(null);
        timed--;
        replyAsTimedOut(b);
    }

    private void replyAsTimedOut(Block b) {
        Client c = b.client();
        int mark = c.reply().size();
        unit.timeoutReply(c, b.command(), b.args());
        finish(b, mark);
    }

    /**
     * Ends {@code c}'s wait now with its command's timeout reply, before its time is up, as
     * a served blocked call (WAIT once enough replicas acked: its reply is the count either
     * way). Nothing happens when {@code c} is not blocked on keys.
     */
    public void wake(Client c) {
        Block b = c.block();
        if (b != null && b.keys().length != 0) {
            replyAsTimedOut(b);
        }
    }

    /**
     * CLIENT UNBLOCK: unblocks {@code c} if it is blocked, replying as on a timeout, or with
     * {@code -UNBLOCKED client unblocked via CLIENT UNBLOCK} when {@code error}. Returns
     * whether it was blocked (CLIENT UNBLOCK's 1 or 0).
     */
    public boolean unblock(Client c, boolean error) {
        Block b = c.block();
        if (b == null) {
            return false;
        }
        if (b.keys().length == 0) {
            // Held by CLIENT PAUSE: processed now, as Redis's unblockClient of a postponed client.
            postponed.remove(b);
            release(b);
            return true;
        }
        int mark = c.reply().size();
        if (error) {
            unit.stats().errorReply("UNBLOCKED");
            c.reply().error(UNBLOCKED);
        } else {
            unit.timeoutReply(c, b.command(), b.args());
        }
        // As Redis 7.0's CLIENT UNBLOCK: counted as a failed call either way (after
        // replyToBlockedClientTimedOut's own count for TIMEOUT).
        unit.unblockedStats(c, b.command(), b.args(), 0, true);
        finish(b, mark);
        return true;
    }

    /** Ends {@code c}'s wait without a reply (a test harness that only wants to see the block). */
    public void cancel(Client c) {
        disconnected(c);
    }

    /** A client that disconnected while blocked: forget it. */
    public void disconnected(Client c) {
        Block b = c.block();
        if (b != null) {
            unpark(b);
        }
    }

    /** The client has its reply: out of every line, reply sent, buffered requests processed next. */
    private void finish(Block b, int replyMark) {
        unpark(b);
        Client c = b.client();
        c.blockedCommandReplied(replyMark);
        c.flush();
        loop.execute(c::resume);
    }

    private void unpark(Block b) {
        if (b.keys().length == 0) {
            postponed.remove(b);
        }
        for (DbKey k : b.keys()) {
            ArrayDeque<Block> line = lines.get(k);
            if (line != null) {
                line.remove(b);
                if (line.isEmpty()) {
                    lines.remove(k);
                }
            }
        }
        if (b.timer() != null) {
            b.timer().cancel();
            b.timer(null);
            timed--;
        }
        blocked--;
        b.client().unparked();
    }
}
