package io.pyredis.protocol;

/**
 * Malformed input on a connection. Its message is Redis's text, e.g.
 * {@code "Protocol error: invalid bulk length"}; the server replies {@code -ERR <message>}
 * after the replies already due, then closes the connection.
 *
 * <p>When {@link #silent()} is true Redis closes the connection without any reply (a request
 * beyond {@code client-query-buffer-limit}); the message is then meant for the log only.
 *
 * <p>Messages may carry one raw input byte (as in {@code expected '$', got '%c'}) as a char in
 * {@code U+0000..U+00FF}: encode them as ISO-8859-1 to send exactly the byte Redis would.
 *
 * @since 0.1
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean silent;

    public ProtocolException(String message) {
        this(message, false);
    }

    /**
     * @param message the error text (without {@code -ERR })
     * @param silent  true when the connection is to be closed without replying
     */
    public ProtocolException(String message, boolean silent) {
        super(message, null, false, false);
        this.silent = silent;
    }

    /** True when Redis closes the connection without sending this error. */
    public boolean silent() {
        return silent;
    }
}
