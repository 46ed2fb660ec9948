package io.pyredis.core.exec;

import io.pyredis.core.client.Client;
import io.pyredis.core.command.CommandEntry;

/**
 * Told of every command the call unit runs, after it ran: where Redis's call() feeds the
 * latency monitor, the slow log, MONITOR clients and client tracking. Runs on the loop;
 * must be quick and must not run commands itself.
 */
@FunctionalInterface
public interface CallObserver {

    /**
     * One call ended.
     *
     * @param c        the client it ran for
     * @param e        the command (the subcommand for a container)
     * @param args     the call's arguments, name first, as the slow log and MONITOR show them (secrets redacted)
     * @param db       the database it ran in (the client's when it started)
     * @param nanos    how long it ran; for a blocked client served at last, how long its
     *                 re-run took
     * @param flags    the call's flags ({@link CallUnit#CALL_FULL} for a client's command or
     *                 EXEC's, {@link CallUnit#CALL_NONE} for the AOF loader's)
     * @param blocked  whether the client is now blocked by it (it will run again)
     * @param unblocked whether this was a blocked client's command run again and served, or
     *                  answered by its timeout (or CLIENT UNBLOCK ... TIMEOUT)
     */
    void called(Client c, CommandEntry e, byte[][] args, int db, long nanos, int flags, boolean blocked,
                boolean unblocked);
}
