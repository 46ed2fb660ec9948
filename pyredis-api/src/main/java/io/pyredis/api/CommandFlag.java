package io.pyredis.api;

import java.util.Locale;

/**
 * Command flags, as COMMAND reports them. Some change what the dispatcher does:
 * {@link #NO_AUTH} commands run before AUTH, {@link #NO_MULTI} ones are refused inside
 * MULTI, {@link #WRITE} ones are refused while writes are refused. A command that changes
 * data must be {@link #WRITE}: a background snapshot copies a key before a write command
 * gets its value, not before a read command does, so a value changed in place by a
 * command without the flag may reach a snapshot half changed.
 *
 * @since 0.1
 */
public enum CommandFlag {
    WRITE, READONLY, DENYOOM, MODULE, ADMIN, PUBSUB, NOSCRIPT, BLOCKING, LOADING, STALE,
    SKIP_MONITOR, SKIP_SLOWLOG, ASKING, FAST, NO_AUTH, MAY_REPLICATE, SENTINEL,
    ONLY_SENTINEL, NO_MANDATORY_KEYS, PROTECTED, NO_ASYNC_LOADING, NO_MULTI, MOVABLEKEYS,
    ALLOW_BUSY,
    /**
     * May delete many keys it finds expired (KEYS, SCAN, RANDOMKEY): their DELs are
     * propagated one by one, not wrapped in MULTI/EXEC as a command's several records are.
     * Not shown by COMMAND INFO, as in Redis.
     *
     * @since 0.1
     */
    TOUCHES_ARBITRARY_KEYS;

    /** The name Redis uses in COMMAND replies, e.g. {@code "no_auth"}, {@code "write"}. */
    public String redisName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
