package io.pyredis.core.exec;

import io.pyredis.api.CommandFlag;
import io.pyredis.core.client.Client;
import io.pyredis.core.client.Transaction;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.command.Role;
import io.pyredis.core.loop.Loop;
import io.pyredis.storage.Keyspace;

import java.util.concurrent.TimeUnit;

/**
 * CLIENT PAUSE, as Redis 7.0's pauseClients: while paused, a command that may change data
 * or replicate (WRITE), or any command (ALL), is held, not refused: the client waits as a
 * postponed blocked client and its command is processed again when the pause ends
 * (CLIENT UNPAUSE or the deadline). The dataset is kept constant meanwhile: keys past
 * their deadline look expired but are not deleted, and the active expiry cycle waits.
 */
public final class ClientPause {

    /** Redis's pause types, in increasing strictness. */
    public enum Type { OFF, WRITE, ALL }

    private final Loop loop;
    private final Keyspace keyspace;
    private BlockedClients blocked;
    private Type type = Type.OFF;
    private long endMillis;
    private Loop.Timer timer;

    ClientPause(Loop loop, Keyspace keyspace) {
        this.loop = loop;
        this.keyspace = keyspace;
    }

    void attach(BlockedClients b) {
        this.blocked = b;
    }

    /**
     * pauseClients: pauses until {@code endMillis} (unix ms), keeping the stricter type and
     * the later end of a pause already in place.
     */
    public void pause(Type t, long endMillis, long nowMillis) {
        if (t.compareTo(type) > 0) {
            type = t;
        }
        this.endMillis = Math.max(this.endMillis, endMillis);
        if (this.endMillis < nowMillis) {
            unpause();
            return;
        }
        keyspace.pauseExpiry(true);
        if (timer != null) {
            timer.cancel();
        }
        timer = loop.schedule(this::deadline, TimeUnit.MILLISECONDS.toNanos(this.endMillis - nowMillis + 1));
    }

    private void deadline() {
        timer = null;
        if (type != Type.OFF && endMillis <= System.currentTimeMillis()) {
            unpause();
        } else if (type != Type.OFF) {
            timer = loop.schedule(this::deadline, TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** unpauseClients: the pause ends, and every held client's command is processed again. */
    public void unpause() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        boolean was = type != Type.OFF;
        type = Type.OFF;
        endMillis = 0;
        keyspace.pauseExpiry(false);
        if (was) {
            // After the current command (CLIENT UNPAUSE's), as Redis processes them in beforeSleep.
            loop.execute(blocked::releasePostponed);
        }
    }

    /** Whether clients are paused (Redis's areClientsPaused). */
    public boolean active() {
        return type != Type.OFF;
    }

    public Type type() {
        return type;
    }

    /** Whether {@code c}'s command {@code e} must wait: processCommand's pause test. */
    boolean holds(Client c, CommandEntry e) {
        if (type == Type.ALL) {
            return true;
        }
        return mayReplicate(e) || (e.role() == Role.EXEC && queuedMayReplicate(c));
    }

    private static boolean mayReplicate(CommandEntry e) {
        return e.isWrite() || e.flags().contains(CommandFlag.MAY_REPLICATE);
    }

    private static boolean queuedMayReplicate(Client c) {
        Transaction t = c.transaction(false);
        if (t == null) {
            return false;
        }
        for (CommandEntry q : t.commands()) {
            if (mayReplicate(q)) {
                return true;
            }
        }
        return false;
    }
}
