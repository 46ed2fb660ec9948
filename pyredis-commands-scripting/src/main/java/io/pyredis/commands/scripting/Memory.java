package io.pyredis.commands.scripting;

import java.lang.management.ManagementFactory;

/**
 * The memory bound of a script: the bytes the running thread allocated since the script
 * began (the JVM's per-thread allocation counter), against a share of the heap, so that a
 * memory-hungry script fails with an error instead of taking the server down.
 */
final class Memory {

    private static final com.sun.management.ThreadMXBean THREADS = threads();
    /** A quarter of the heap, allocated (not retained) by one script: far beyond what real scripts use. */
    private static final long LIMIT = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);

    private Memory() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (t instanceof com.sun.management.ThreadMXBean s && s.isThreadAllocatedMemorySupported()) {
            s.setThreadAllocatedMemoryEnabled(true);
            return s;
        }
        return null;
    }

    /** Bytes allocated by the calling thread so far, 0 where the JVM cannot tell. */
    static long allocatedBytes() {
        return THREADS == null ? 0 : THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    static long scriptLimit() {
        return LIMIT;
    }
}
