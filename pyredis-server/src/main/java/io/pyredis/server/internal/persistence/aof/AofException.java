package io.pyredis.server.internal.persistence.aof;

/** The AOF cannot be loaded: the server must not start. The message is what Redis logs. */
public final class AofException extends Exception {

    private static final long serialVersionUID = 1L;

    public AofException(String message) {
        super(message);
    }

    public AofException(String message, Throwable cause) {
        super(message, cause);
    }
}
