package io.pyredis.api;

/**
 * One run of a script for the calling client, as Redis's {@code scriptRunCtx}: a scripting
 * engine (EVAL, FCALL) starts it with {@link CommandContext#startScript}, runs the script's
 * commands through {@link #call} and {@link #close}s it when the script ends. The server
 * runs each command with its script client, through the same call path as a client's
 * command, in the caller's database, with Redis's checks for scripts (scriptCall): unknown
 * command, arity, {@code noscript}, writes from a read-only script, OOM. The commands are
 * propagated as the script's effects, wrapped in MULTI/EXEC with the rest of the caller's
 * command.
 *
 * <p>Valid only during the command that started it, on the command thread.
 *
 * @since 0.1
 */
public interface ScriptRun extends AutoCloseable {

    /** Shebang-less EVAL: the command's own flags decide, as Redis's SCRIPT_FLAG_EVAL_COMPAT_MODE. */
    int EVAL_COMPAT_MODE = 1;
    /** {@code no-writes}: no write command may run. */
    int NO_WRITES = 2;
    /** {@code allow-oom}: deny-oom commands may run over maxmemory. */
    int ALLOW_OOM = 4;
    /** {@code allow-stale}. */
    int ALLOW_STALE = 8;
    /** {@code no-cluster}. */
    int NO_CLUSTER = 16;
    /** {@code allow-cross-slot-keys}. */
    int ALLOW_CROSS_SLOT = 32;

    /** {@code redis.REPL_AOF}: the script's commands go to the append-only file. */
    int REPL_AOF = 1;
    /** {@code redis.REPL_REPLICA}: the script's commands go to replicas. */
    int REPL_REPLICA = 2;

    /**
     * Runs {@code argv} (name first) as the script's command and returns its reply as RESP
     * bytes, in the protocol of {@link #protocol(int)} (2 at first); an error the command
     * answered comes back as its {@code -...} reply.
     *
     * @throws RedisError when Redis's scriptCall refuses the command before running it; its
     *                    message is Redis's text, without a code unless Redis gives one
     *                    ({@code "Unknown Redis command called from script"},
     *                    {@code "OOM command not allowed ..."})
     */
    byte[] call(byte[][] argv);

    /** Whether {@code argv} names a command (and subcommand) the server has: redis.acl_check_cmd's lookup. */
    boolean commandExists(byte[][] argv);

    /**
     * Whether the calling client's user may run {@code argv}: redis.acl_check_cmd. The server
     * has no ACL users yet, so everything is allowed; this is the one place to ask.
     */
    default boolean aclAllows(byte[][] argv) {
        return true;
    }

    /** The protocol of the replies {@link #call} returns (redis.setresp: 2 or 3). */
    void protocol(int resp);

    /** redis.set_repl: a combination of {@link #REPL_AOF} and {@link #REPL_REPLICA}. */
    void replication(int flags);

    /**
     * The script's reply is an error that was counted already (a command's error the script
     * returned): it is not counted again in errorstats, but the command running the script
     * counts as failed, as Redis's ERR_REPLY_FLAG_NO_STATS_UPDATE.
     */
    void errorReplied();

    /** Whether a write command ran (Redis's SCRIPT_WRITE_DIRTY): such a script cannot be killed. */
    boolean wrote();

    /** The script ended (Redis's scriptResetRun). */
    @Override
    void close();
}
