package io.pyredis.core.client;

/**
 * Where a {@link Client}'s replies go: the transport side of a connection (a Netty channel
 * in the server). A client without one (the AOF loader's, a script's, a test's) keeps its
 * replies in its writer for the caller to read.
 */
public interface ClientOutput {

    /**
     * Hands {@code len} bytes of {@code b} from {@code off} to the connection now; what the
     * socket does not take at once is queued (copied), so {@code b} may be reused after.
     *
     * @return whether some of it was queued (the output limits are then checked)
     */
    boolean write(byte[] b, int off, int len);

    /** The bytes written but not yet taken by the socket: what the output buffer limits check. */
    long queuedBytes();

    /** Closes the connection now, dropping what is queued. */
    void close();

    /** Closes the connection once what was written has gone out (QUIT, a protocol error). */
    void closeAfterWrites();

    /** Whether the peer is on the loopback interface (protected configs, protected mode). */
    boolean isLocal();
}
