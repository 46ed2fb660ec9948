package io.pyredis.protocol;

/**
 * Incremental RESP request parser (multibulk and inline). STUB: to be implemented.
 */
public final class RequestParser {

    public RequestParser(RespLimits limits) {
    }

    /**
     * Consumes bytes from {@code buf[off, off+len)}, stopping at the end of one complete
     * request at most. Returns the number of bytes consumed; when a request completed,
     * {@link #take()} returns it.
     */
    public int feed(byte[] buf, int off, int len) throws ProtocolException {
        throw new UnsupportedOperationException("stub");
    }

    /** The request completed by the last {@link #feed}, or null; clears it. */
    public byte[][] take() {
        throw new UnsupportedOperationException("stub");
    }
}
