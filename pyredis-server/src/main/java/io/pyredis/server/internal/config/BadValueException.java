package io.pyredis.server.internal.config;

/**
 * A value a parameter refuses. {@link #getMessage()} is the detail without the source,
 * e.g. {@code 'port' must be an integer from 0 to 65535, got "abc"}; {@link #reason()} is
 * the part after the key, for CONFIG SET's own error format.
 */
public final class BadValueException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public BadValueException(String key, String reason) {
        super("'" + key + "' " + reason, null, false, false);
        this.reason = reason;
    }

    /** What is wrong, without the key: {@code must be an integer from 0 to 65535, got "abc"}. */
    public String reason() {
        return reason;
    }
}
