package io.pyredis.core.command;

/**
 * The part a few of the server's own commands play in Redis's processCommand, which
 * recognises them by their implementation ({@code c->cmd->proc == execCommand}) rather
 * than by a flag: which may run inside MULTI instead of being queued, which a RESP2
 * subscriber may send, and which fail on a disk error besides the write commands. A
 * command declares its role through {@link ServerCommand}; every other command has
 * {@link #NONE}.
 */
public enum Role {
    /** An ordinary command. */
    NONE,
    /** EXEC: runs in MULTI; a rejected EXEC discards the transaction (execCommandAbort). */
    EXEC,
    /** DISCARD: runs in MULTI. */
    DISCARD,
    /** MULTI: runs in MULTI (to answer that it cannot nest). */
    MULTI,
    /** WATCH: runs in MULTI (to answer that it is not allowed there). */
    WATCH,
    /** QUIT: runs in MULTI and in the RESP2 pub/sub context. */
    QUIT,
    /** RESET: runs in MULTI and in the RESP2 pub/sub context. */
    RESET,
    /** PING: allowed to a RESP2 subscriber; refused on a disk error like a write. */
    PING,
    /** (P|S)SUBSCRIBE and (P|S)UNSUBSCRIBE: allowed to a RESP2 subscriber. */
    SUBSCRIPTION;

    /** Run at once inside MULTI rather than queued (Redis's list in processCommand). */
    public boolean runsInMulti() {
        return this == EXEC || this == DISCARD || this == MULTI || this == WATCH || this == QUIT || this == RESET;
    }

    /** Allowed to a RESP2 client in the pub/sub context. */
    public boolean allowedSubscribed() {
        return this == PING || this == SUBSCRIPTION || this == QUIT || this == RESET;
    }
}
