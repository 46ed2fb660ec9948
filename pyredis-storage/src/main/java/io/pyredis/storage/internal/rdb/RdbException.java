package io.pyredis.storage.internal.rdb;

/** A malformed RDB stream or DUMP payload: what is wrong, and at which byte offset. */
public final class RdbException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public RdbException(String reason, long offset) {
        super(reason, null, false, false);
        this.offset = offset;
    }

    /** The offset of the byte where the problem was found. */
    public long offset() {
        return offset;
    }

    /** The bare reason, without the offset. */
    public String reason() {
        return getMessage();
    }
}
