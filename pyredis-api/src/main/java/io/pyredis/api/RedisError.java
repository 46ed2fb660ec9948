package io.pyredis.api;

/**
 * An error a user can cause, carrying Redis's exact reply text. A command throws it; the
 * dispatcher writes it as an error reply ({@code -WRONGTYPE Operation against ...}) and
 * the connection carries on. It has no stack trace: it is a reply, not a bug report, so
 * the shared constants below cost nothing to throw.
 *
 * @since 0.1
 */
public class RedisError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@code WRONGTYPE Operation against a key holding the wrong kind of value} */
    public static final RedisError WRONGTYPE =
            new RedisError("WRONGTYPE Operation against a key holding the wrong kind of value");
    /** {@code ERR syntax error} */
    public static final RedisError SYNTAX = new RedisError("ERR syntax error");
    /** {@code ERR value is not an integer or out of range} */
    public static final RedisError NOT_INTEGER = new RedisError("ERR value is not an integer or out of range");
    /** {@code ERR value is not a valid float} */
    public static final RedisError NOT_FLOAT = new RedisError("ERR value is not a valid float");
    /** {@code ERR increment or decrement would overflow} */
    public static final RedisError OVERFLOW = new RedisError("ERR increment or decrement would overflow");
    /** {@code ERR no such key} */
    public static final RedisError NO_SUCH_KEY = new RedisError("ERR no such key");
    /** {@code ERR index out of range} */
    public static final RedisError INDEX_OUT_OF_RANGE = new RedisError("ERR index out of range");
    /** {@code ERR DB index is out of range} */
    public static final RedisError DB_INDEX_OUT_OF_RANGE = new RedisError("ERR DB index is out of range");
    /** {@code ERR string exceeds maximum allowed size (proto-max-bulk-len)} */
    public static final RedisError STRING_TOO_LONG =
            new RedisError("ERR string exceeds maximum allowed size (proto-max-bulk-len)");

    /**
     * @param message the whole reply text without the leading {@code -}, starting with
     *                the error code: {@code "ERR syntax error"}
     */
    public RedisError(String message) {
        super(message, null, false, false);
    }

    /** The error code: the first word of the message ({@code ERR}, {@code WRONGTYPE}, ...). */
    public String code() {
        String m = getMessage();
        int sp = m.indexOf(' ');
        return sp < 0 ? m : m.substring(0, sp);
    }

    /** {@code ERR invalid expire time in 'set' command}, for the given command name. */
    public static RedisError invalidExpireTime(String command) {
        return new RedisError("ERR invalid expire time in '" + command + "' command");
    }
}
