package io.pyredis.server.internal;

import io.pyredis.api.RedisError;
import io.pyredis.protocol.RespWriter;
import io.pyredis.server.internal.dispatch.CommandEntry;
import io.pyredis.server.internal.dispatch.Dispatcher;

/**
 * MULTI, EXEC, DISCARD, WATCH and UNWATCH, as Redis 7.0's multi.c; the commands are thin
 * wrappers around these.
 */
public final class Transactions {

    static final RedisError NESTED = new RedisError("ERR MULTI calls can not be nested");
    static final RedisError EXEC_WITHOUT_MULTI = new RedisError("ERR EXEC without MULTI");
    static final RedisError DISCARD_WITHOUT_MULTI = new RedisError("ERR DISCARD without MULTI");
    static final RedisError WATCH_IN_MULTI = new RedisError("ERR WATCH inside MULTI is not allowed");
    static final RedisError EXECABORT =
            new RedisError("EXECABORT Transaction discarded because of previous errors.");

    private Transactions() {
    }

    public static void multi(Connection c) {
        Transaction t = c.transaction(true);
        if (t.inMulti) {
            throw NESTED;
        }
        t.inMulti = true;
        c.reply().ok();
    }

    public static void discard(Connection c) {
        Transaction t = c.transaction(false);
        if (t == null || !t.inMulti) {
            throw DISCARD_WITHOUT_MULTI;
        }
        discardTransaction(c);
        c.reply().ok();
    }

    /** Redis's discardTransaction: out of MULTI, queue and flags dropped, keys unwatched. */
    public static void discardTransaction(Connection c) {
        Transaction t = c.transaction(false);
        if (t == null) {
            return;
        }
        t.reset();
        c.server().watches().unwatchAll(t);
    }

    public static void watch(Connection c, byte[][] args) {
        Transaction t = c.transaction(true);
        if (t.inMulti) {
            throw WATCH_IN_MULTI;
        }
        int db = c.session().db();
        for (int i = 1; i < args.length; i++) {
            c.server().watches().watch(t, db, args[i]);
        }
        c.reply().ok();
    }

    public static void unwatch(Connection c) {
        Transaction t = c.transaction(false);
        if (t != null) {
            c.server().watches().unwatchAll(t);
            t.dirtyCas = false;
        }
        c.reply().ok();
    }

    /**
     * EXEC: EXECABORT after a refused command, a null array when a watched key changed or
     * expired, else every queued command's reply in an array (errors in place), none of
     * them blocking.
     */
    public static void exec(Connection c, CommandEntry self) {
        Transaction t = c.transaction(false);
        if (t == null || !t.inMulti) {
            throw EXEC_WITHOUT_MULTI;
        }
        Watches watches = c.server().watches();
        if (!t.dirtyCas && !t.dirtyExec && watches.anyExpired(t)) {
            t.dirtyCas = true;
        }
        if (t.dirtyExec) {
            discardTransaction(c);
            throw EXECABORT;
        }
        if (t.dirtyCas) {
            discardTransaction(c);
            c.reply().nullArray();
            return;
        }
        watches.unwatchAll(t);
        int n = t.commands.size();
        CommandEntry[] commands = t.commands.toArray(new CommandEntry[0]);
        byte[][][] args = t.args.toArray(new byte[0][][]);
        t.reset();
        RespWriter w = c.reply();
        w.array(n);
        Dispatcher d = c.server().dispatcher();
        c.denyBlocking(true);
        try {
            long clock = System.nanoTime();
            for (int i = 0; i < n; i++) {
                clock = d.call(c, commands[i], args[i], clock);
            }
        } finally {
            c.denyBlocking(false);
            c.session().lastCommand(self);
        }
    }
}
