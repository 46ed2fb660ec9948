package io.pyredis.api;

import java.util.Locale;

/**
 * Command flags, as COMMAND reports them. Some change what the dispatcher does:
 * {@link #NO_AUTH} commands run before AUTH, {@link #NO_MULTI} ones are refused inside
 * MULTI, {@link #WRITE} ones are refused while writes are refused.
 *
 * @since 0.1
 */
public enum CommandFlag {
    WRITE, READONLY, DENYOOM, MODULE, ADMIN, PUBSUB, NOSCRIPT, BLOCKING, LOADING, STALE,
    SKIP_MONITOR, SKIP_SLOWLOG, ASKING, FAST, NO_AUTH, MAY_REPLICATE, SENTINEL,
    ONLY_SENTINEL, NO_MANDATORY_KEYS, PROTECTED, NO_ASYNC_LOADING, NO_MULTI, MOVABLEKEYS,
    ALLOW_BUSY;

    /** The name Redis uses in COMMAND replies, e.g. {@code "no_auth"}, {@code "write"}. */
    public String redisName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
