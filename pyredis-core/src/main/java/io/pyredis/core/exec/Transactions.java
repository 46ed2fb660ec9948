package io.pyredis.core.exec;

import io.pyredis.core.acl.Acl;
import io.pyredis.core.acl.AclLog;
import io.pyredis.api.RedisError;
import io.pyredis.core.client.Client;
import io.pyredis.core.client.Transaction;
import io.pyredis.core.command.CommandEntry;

/**
 * MULTI, EXEC, DISCARD, WATCH and UNWATCH, as Redis 7.0's multi.c; the commands are thin
 * wrappers around these. EXEC runs each queued command through the {@link CallUnit}.
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

    public static void multi(Client c) {
        Transaction t = c.transaction(true);
        if (t.inMulti()) {
            throw NESTED;
        }
        t.begin();
        c.reply().ok();
    }

    public static void discard(Client c, Watches watches) {
        Transaction t = c.transaction(false);
        if (t == null || !t.inMulti()) {
            throw DISCARD_WITHOUT_MULTI;
        }
        discardTransaction(c, watches);
        c.reply().ok();
    }

    /** Redis's discardTransaction: out of MULTI, queue and flags dropped, keys unwatched. */
    public static void discardTransaction(Client c, Watches watches) {
        Transaction t = c.transaction(false);
        if (t == null) {
            return;
        }
        t.reset();
        watches.unwatchAll(t);
    }

    public static void watch(Client c, Watches watches, byte[][] args) {
        Transaction t = c.transaction(true);
        if (t.inMulti()) {
            throw WATCH_IN_MULTI;
        }
        int db = c.db();
        for (int i = 1; i < args.length; i++) {
            watches.watch(t, db, args[i]);
        }
        c.reply().ok();
    }

    public static void unwatch(Client c, Watches watches) {
        Transaction t = c.transaction(false);
        if (t != null) {
            watches.unwatchAll(t);
            t.dirtyCas(false);
        }
        c.reply().ok();
    }

    /**
     * EXEC: EXECABORT after a refused command, a null array when a watched key changed or
     * expired, else every queued command's reply in an array (errors in place), none of
     * them blocking. The AOF loader's EXEC runs its commands without statistics, as Redis's.
     */
    public static void exec(Client c, CallUnit unit) {
        Transaction t = c.transaction(false);
        if (t == null || !t.inMulti()) {
            throw EXEC_WITHOUT_MULTI;
        }
        Watches watches = unit.watches();
        if (watches.anyExpired(t)) {
            t.dirtyCas(true);
        }
        if (t.dirtyExec()) {
            discardTransaction(c, watches);
            throw EXECABORT;
        }
        if (t.dirtyCas()) {
            discardTransaction(c, watches);
            c.reply().nullArray();
            return;
        }
        watches.unwatchAll(t);
        int n = t.commands().size();
        CommandEntry[] commands = t.commands().toArray(new CommandEntry[0]);
        byte[][][] args = t.arguments().toArray(new byte[0][][]);
        c.reply().array(n);
        boolean denied = c.blockingDenied();
        c.denyBlocking(true);
        int flags = c.id() == Client.AOF_CLIENT_ID ? CallUnit.CALL_NONE : CallUnit.CALL_FULL;
        try {
            long clock = System.nanoTime();
            for (int i = 0; i < n; i++) {
                // As execCommand: the rules may have changed since the command was queued.
                Acl.Denial d = unit.aclCheck(c, commands[i], args[i], AclLog.Context.MULTI);
                if (d != null) {
                    unit.stats().errorReply("NOPERM");
                    c.reply().error("NOPERM ACLs rules changed between the moment the transaction was accumulated "
                            + "and the EXEC call. This command is no longer allowed for the following reason: "
                            + switch (d.reason()) {
                                case Acl.DENIED_CMD -> "no permission to execute the command or subcommand";
                                case Acl.DENIED_KEY -> "no permission to touch the specified keys";
                                default -> "no permission to access one of the channels used as arguments";
                            });
                    continue;
                }
                clock = unit.call(c, commands[i], args[i], clock, flags);
            }
        } finally {
            c.denyBlocking(denied);
            discardTransaction(c, watches);
        }
    }
}
