package io.pyredis.server.internal.config;

/**
 * A value a parameter refuses. {@link #reason()} is Redis's text for it, as CONFIG SET
 * shows it after {@code "... - "} ({@code argument must be between 0 and 65535 inclusive});
 * {@link #getMessage()} adds the key, for the one line a bad config file or command line
 * stops the server with.
 */
public final class BadValueException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public BadValueException(String key, String reason) {
        super("'" + key + "' " + reason, null, false, false);
        this.reason = reason;
    }

    /** Redis's reason, without the key. */
    public String reason() {
        return reason;
    }
}
