package io.pyredis.server.internal.config;

/**
 * A config that cannot be used: unknown key, wrong type, value out of range, unreadable
 * file. Its message is the one line a user sees at startup, naming the key and where the
 * value came from; it has no stack trace because it is a message, not a bug.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String source, String detail) {
        super("Bad config in " + source + ": " + detail);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
