package io.pyredis.core.client;

import io.pyredis.core.stats.ServerStats;

/**
 * What a {@link Client} needs of the server around it: the engine implements it. Kept to an
 * interface so that clients know nothing of command execution, and the engine nothing of a
 * client's buffers.
 */
public interface ClientHost {

    /**
     * Runs one request of {@code c} as Redis's processCommand, writing its reply (or
     * queueing it in MULTI, or blocking the client); returns the time it ended.
     *
     * @param startNanos when the request started ({@link System#nanoTime()})
     */
    long process(Client c, byte[][] request, long startNanos);

    /** The server-wide counters (bytes in and out). */
    ServerStats stats();

    /** The time in unix milliseconds (idle times, how long the soft output limit is exceeded). */
    long millis();

    /**
     * Whether {@code c}'s replies must wait (the AOF holds them until what their commands
     * recorded is written); when so, the host flushes {@code c} itself once they may go.
     */
    boolean holdReplies(Client c);

    /** Lets held replies go now, writing what holds them first (before a client closes). */
    void releaseRepliesNow();

    /** The output buffer limit of the normal or the pub/sub client class. */
    OutputLimit outputLimit(boolean pubsub);

    /** The most bytes a blocked client may send ahead before it is closed (client-query-buffer-limit). */
    long queryBufferLimit();
}
