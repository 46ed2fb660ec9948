package io.pyredis.protocol;

/**
 * Malformed input on a connection. Its message is Redis's text, e.g.
 * {@code "Protocol error: invalid bulk length"}; the server replies {@code -ERR <message>}
 * after the replies already due, then closes the connection.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message, null, false, false);
    }
}
