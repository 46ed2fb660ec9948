package io.pyredis.core.loop;

/**
 * The one thread every command runs on, as the core sees it: run a task on it after the
 * current one, or later. The server's is Netty's event loop; tests use a {@link ManualLoop}
 * they turn by hand. Nothing in the core needs more of a transport than this.
 */
public interface Loop {

    /** Whether the caller runs on the loop. */
    boolean inLoop();

    /**
     * Runs {@code task} on the loop after what runs now: on the server, after the reads of
     * the current loop turn (the place of Redis's beforeSleep work, such as writing the AOF
     * before replies leave).
     */
    void execute(Runnable task);

    /**
     * Runs {@code task} on the loop in {@code delayNanos} or a little later; 0 runs it on
     * the next turn, after the clients' I/O of this one (not before, unlike {@link #execute}).
     */
    Timer schedule(Runnable task, long delayNanos);

    /** A scheduled task. */
    interface Timer {
        /** Stops it from running; nothing happens when it already ran. */
        void cancel();
    }
}
