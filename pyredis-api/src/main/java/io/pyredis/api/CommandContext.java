package io.pyredis.api;

/**
 * What a command runs with: its client's session, the keyspace and the reply sink.
 * Valid only during {@link Command#execute}; do not keep it.
 *
 * @since 0.1
 */
public interface CommandContext {

    /** The calling client. */
    Session session();

    /** The database the client has selected. */
    Database db();

    /**
     * The database at {@code index}.
     *
     * @throws RedisError {@link RedisError#DB_INDEX_OUT_OF_RANGE} when there is none
     */
    Database db(int index);

    /** How many databases the server has ({@code databases} in the config). */
    int databases();

    /** Where the reply goes. */
    Reply reply();

    /**
     * The time of this command, in unix milliseconds. It does not move while the command
     * runs (as Redis caches its clock per command), so a command sees keys expire
     * consistently; tests move it with the server's clock.
     */
    long now();

    /**
     * The current value of a config parameter as CONFIG GET shows it
     * ({@code "proto-max-bulk-len"} gives {@code "536870912"}), or {@code null} when there
     * is no such parameter.
     */
    String config(String name);

    /**
     * Exchanges the contents of databases {@code a} and {@code b}, as SWAPDB does: every
     * client keeps its selected index and sees the other contents from its next command.
     * The server also wakes whatever waits on keys of either database. Swapping a
     * database with itself does nothing.
     *
     * <p>The default throws {@link UnsupportedOperationException}: a context that offers
     * no SWAPDB (a test harness, an embedding) need not implement it.
     *
     * @throws RedisError {@link RedisError#DB_INDEX_OUT_OF_RANGE} when either index is not
     *                    in {@code [0, databases())}
     * @since 0.1
     */
    default void swapDatabases(int a, int b) {
        throw new UnsupportedOperationException("SWAPDB is not supported by this context");
    }

    /**
     * Blocks the calling client on {@code keys}, for a {@link BlockingCommand} that found
     * nothing to serve; the command then returns without replying. {@code timeoutMillis}
     * is how long to wait, 0 for ever. When the command runs again because a key was
     * modified and still finds nothing, calling this again keeps the client's place in
     * line and its original deadline.
     *
     * @return false when the client cannot block (inside MULTI/EXEC, or from a command
     *         that is not a {@link BlockingCommand}): the command must then reply as
     *         {@link BlockingCommand#timeout} would, at once, as Redis does. The default,
     *         for contexts that cannot block (a test harness), is false.
     */
    default boolean block(byte[][] keys, long timeoutMillis) {
        return false;
    }

    /**
     * Reports a keyspace event, as Redis's {@code notifyKeyspaceEvent}: a command calls it
     * once per key it changed, with Redis's event name ({@code "set"}, {@code "del"},
     * {@code "lpush"}, {@code "hset"}, {@code "expire"}, ...), after the change. Whether
     * anything is published depends on {@code notify-keyspace-events}, so calling it is
     * cheap when notifications are off. The default, for contexts without notifications
     * (a test harness), does nothing.
     *
     * @param type  the event's class
     * @param event Redis's event name
     * @param key   the key, in the command's database
     */
    default void notifyKeyspaceEvent(KeyspaceEvent type, String event, byte[] key) {
    }

    /**
     * Publishes {@code message} to {@code channel}, as PUBLISH does: subscribers of the
     * channel and of matching patterns get it, after this command. The default, for
     * contexts without pub/sub (a test harness), delivers to nobody.
     *
     * @return the number of clients that got it (PUBLISH's reply)
     * @since 0.1
     */
    default long publish(byte[] channel, byte[] message) {
        return 0;
    }

    /**
     * Reports a keyspace event on a key of database {@code db}, for the few commands that
     * change a database other than the client's: MOVE's {@code move_to} and
     * {@code COPY ... DB}'s {@code copy_to} are published in the destination database, as
     * Redis does. The default passes an event of the client's own database to
     * {@link #notifyKeyspaceEvent(KeyspaceEvent, String, byte[])} and drops the others; a
     * context that publishes notifications overrides both.
     *
     * @param db the index of the key's database
     * @since 0.1
     */
    default void notifyKeyspaceEvent(KeyspaceEvent type, String event, byte[] key, int db) {
        if (db == db().index()) {
            notifyKeyspaceEvent(type, event, key);
        }
    }

    /**
     * Says what the append-only file (and, one day, a replica) records for this command,
     * as Redis's {@code alsoPropagate} / {@code RedisModule_Replicate}: each call adds one
     * command ({@code command[0]} is its name), recorded in the order of the calls, in
     * this command's database, instead of the command as the client sent it.
     *
     * <p>A command that never calls it is recorded verbatim when it changed the dataset
     * (a key listener saw a change), and not at all otherwise. Call it when replaying the
     * command as sent would not give the same data: relative expiries become absolute
     * times ({@code EXPIRE} as {@code PEXPIREAT}, {@code SET ... EX} as
     * {@code SET ... PXAT}), blocking pops their non-blocking form ({@code BLPOP} as
     * {@code LPOP}), random or floating-point results what they produced ({@code SPOP} as
     * {@code SREM}, {@code INCRBYFLOAT} as {@code SET ... KEEPTTL}).
     *
     * <p>The default, for contexts without an append-only file (a test harness), ignores
     * it.
     *
     * @param command the command to record, name first; the arrays are not copied, so do
     *                not change them afterwards
     * @since 0.1
     */
    default void propagate(byte[]... command) {
    }

    /**
     * Starts a script for the calling client, as Redis's scriptPrepareForRun: refuses it when
     * its {@code flags} ({@link ScriptRun#NO_WRITES}, ...) do not allow it now (a write script
     * from a read-only command, a disk error, OOM), else returns the run through which the
     * script's commands go. At most one script runs at a time.
     *
     * <p>The default throws {@link UnsupportedOperationException}: a context without a
     * call path for scripts (a test harness) need not implement it.
     *
     * @param flags    the script's flags, {@link ScriptRun#EVAL_COMPAT_MODE} for a script
     *                 without a shebang
     * @param readOnly the command is a read-only form (EVAL_RO, EVALSHA_RO, FCALL_RO)
     * @throws RedisError Redis's refusal ({@code "ERR Can not execute a script with write flag using *_ro command."}, ...)
     * @since 0.1
     */
    default ScriptRun startScript(int flags, boolean readOnly) {
        throw new UnsupportedOperationException("scripts are not supported by this context");
    }

    /**
     * Whether the calling client's ACL user may read any key with this call (Redis's
     * ACLUserCheckCmdWithUnrestrictedKeyAccess for read access): what a command needs
     * before it reads keys its key specs cannot name, as SORT's BY and GET patterns do.
     * The default, for contexts without ACL users, allows it.
     *
     * @since 0.1
     */
    default boolean mayReadAnyKey() {
        return true;
    }
}
