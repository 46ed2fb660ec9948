package io.pyredis.server.internal.persistence;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Disk faults a test asks for (through {@code PyRedisServer.faults()}), met by the
 * persistence code at the points where a real disk would fail: the next AOF write or
 * RDB save fails as on a full disk, fsyncs take longer. Each check is one volatile read
 * when nothing is armed, so production pays nothing measurable.
 */
public final class DiskFaults {

    /** The text of ENOSPC, as strerror gives it (and Redis shows it in its logs and INFO). */
    public static final String ENOSPC = "No space left on device";

    private final AtomicInteger aofWrites = new AtomicInteger();
    private final AtomicInteger rdbSaves = new AtomicInteger();
    private volatile long fsyncDelayNanos;

    /** The next {@code n} AOF writes fail with ENOSPC. */
    public void failAofWrites(int n) {
        aofWrites.set(n);
    }

    /** The next {@code n} RDB saves (SAVE, BGSAVE, the save rules) fail with ENOSPC. */
    public void failRdbSaves(int n) {
        rdbSaves.set(n);
    }

    /** Each fsync of the AOF takes {@code nanos} longer (0: as fast as the disk). */
    public void slowFsync(long nanos) {
        fsyncDelayNanos = nanos;
    }

    /** Before an AOF write: throws when a write failure is armed. */
    public void beforeAofWrite() throws IOException {
        if (aofWrites.get() > 0 && aofWrites.getAndDecrement() > 0) {
            throw new IOException(ENOSPC);
        }
    }

    /** Before an RDB save: throws when a save failure is armed. */
    public void beforeRdbSave() throws IOException {
        if (rdbSaves.get() > 0 && rdbSaves.getAndDecrement() > 0) {
            throw new IOException(ENOSPC);
        }
    }

    /** Before an fsync of the AOF: waits when a slow disk is asked for. */
    public void beforeFsync() {
        long d = fsyncDelayNanos;
        if (d > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
