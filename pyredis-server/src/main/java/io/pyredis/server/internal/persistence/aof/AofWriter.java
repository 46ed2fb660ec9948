package io.pyredis.server.internal.persistence.aof;

import io.pyredis.core.Engine;
import io.pyredis.core.exec.Propagation;
import io.pyredis.core.loop.Loop;
import io.pyredis.server.internal.persistence.DiskFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The AOF's write path, as Redis's feedAppendOnlyFile and flushAppendOnlyFile: propagated
 * commands (a {@link Propagation.Sink}) are appended as RESP to a buffer, with SELECT when
 * the database changes; the buffer goes to the incr file once per loop iteration, in a task
 * that runs after the iteration's reads ({@link #beforeSleep}), and clients' replies are
 * held until then, so no reply to a write leaves before its record was written (and, with
 * {@code appendfsync always}, fsynced: one fsync per iteration). With {@code everysec} a
 * background thread fsyncs once a second.
 *
 * <p>Write errors as Redis 7.0: the buffer is kept and retried, writes get MISCONF until a
 * write works, and with {@code always} the server exits with status 1.
 */
final class AofWriter implements Propagation.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(AofWriter.class);

    static final int FSYNC_NO = 0;
    static final int FSYNC_EVERYSEC = 1;
    static final int FSYNC_ALWAYS = 2;


    private final AofFiles files;
    private final Engine engine;
    private final Loop loop;
    /** Whether the AOF records now (on, and not loading). */
    private final BooleanSupplier recording;
    /** Whether fsyncs wait for a snapshot being written (no-appendfsync-on-rewrite). */
    private final BooleanSupplier fsyncHeld;
    private final Runnable fatal;
    private final DiskFaults faults;

    private volatile int fsyncPolicy;
    private final RespBuf buf = new RespBuf(16 * 1024);
    private int selectedDb = -1;
    private boolean flushScheduled;
    private final Runnable beforeSleep = this::beforeSleep;

    // Write and fsync status.
    private boolean lastWriteOk = true;
    private String lastWriteError = "";
    private boolean exiting; // a write or fsync failed with appendfsync always: Redis's exit(1)
    private long postponedSince;
    private long delayedFsync;
    private long lastFsyncMillis;
    private final AtomicBoolean fsyncRunning = new AtomicBoolean();
    private volatile String bioFsyncError;
    private ExecutorService fsyncThread;
    /** The latency monitor's latencyAddSampleIfNeeded (event, ms), and whether a child (rewrite, BGSAVE) runs. */
    private java.util.function.ObjLongConsumer<String> latency = (event, ms) -> { };
    private BooleanSupplier childActive = () -> false;

    AofWriter(AofFiles files, Engine engine, BooleanSupplier recording, BooleanSupplier fsyncHeld, Runnable fatal,
              DiskFaults faults) {
        this.faults = faults;
        this.files = files;
        this.engine = engine;
        this.loop = engine.loop();
        this.recording = recording;
        this.fsyncHeld = fsyncHeld;
        this.fatal = fatal;
    }

    /** Where the write and fsync latencies go (Redis's aof-write* and aof-fsync-always events). */
    void latency(java.util.function.ObjLongConsumer<String> sink, BooleanSupplier child) {
        this.latency = sink;
        this.childActive = child;
    }

    static int policy(String v) {
        switch (v) {
            case "always":
                return FSYNC_ALWAYS;
            case "no":
                return FSYNC_NO;
            default:
                return FSYNC_EVERYSEC;
        }
    }

    void fsyncPolicy(int policy) {
        this.fsyncPolicy = policy;
    }

    /** The incr file changed: the next command starts with a SELECT. */
    void newFile() {
        selectedDb = -1;
    }

    // ---- Propagation.Sink ---------------------------------------------------------------

    @Override
    public void propagate(int db, byte[][] argv) {
        if (db != selectedDb) {
            buf.select(db);
            selectedDb = db;
        }
        buf.command(argv);
    }

    /** A unit is in the buffer: replies wait for its write, at the end of this loop iteration. */
    @Override
    public void unitEnd() {
        engine.holdReplies(this::flushNow);
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(beforeSleep);
        }
    }

    /** Redis's beforeSleep for the AOF: write (and fsync) the buffer, then let the replies go. */
    private void beforeSleep() {
        flushScheduled = false;
        flushNow();
        if (exitIfFatal()) {
            return;
        }
        engine.releaseReplies();
    }

    /**
     * After a failed write or fsync with {@code appendfsync always}, Redis exits at once:
     * the replies held for the write (and the reads of the same iteration, which may have
     * seen its effect) are never sent, and the process ends with status 1.
     */
    boolean exitIfFatal() {
        if (!exiting) {
            return false;
        }
        engine.dropHeldReplies();
        fatal.run();
        return true;
    }

    /** The bytes waiting in the buffer (aof_buffer_length). */
    int buffered() {
        return buf.size();
    }

    /** Drops what waits (the AOF was turned off). */
    void discardBuffer() {
        buf.reset();
    }

    // ---- writing ------------------------------------------------------------------------

    /**
     * Writes the buffer to the incr file now (fsyncing it with {@code always}); returns
     * false when that failed (the buffer is kept for the next try). Redis's
     * flushAppendOnlyFile.
     */
    boolean flushNow() {
        return flushNow(false);
    }

    /** {@link #flushNow()}; {@code force} writes even while a background fsync runs (shutdown, rewrite). */
    boolean flushNow(boolean force) {
        if (exiting) {
            return false; // nothing more is written on the way out, as after Redis's exit(1)
        }
        FileChannel incr = files.incr;
        if (!recording.getAsBoolean() || incr == null) {
            buf.reset();
            return true;
        }
        long now = System.currentTimeMillis();
        if (buf.size() == 0) {
            maybeBackgroundFsync(now);
            return lastWriteOk;
        }
        if (fsyncPolicy == FSYNC_EVERYSEC && fsyncRunning.get() && !force) {
            if (postponedSince == 0) {
                postponedSince = now;
                return true;
            }
            if (now - postponedSince < 2000) {
                return true;
            }
            delayedFsync++;
            LOG.info("Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without "
                    + "waiting for fsync to complete, this may slow down Redis.");
        }
        postponedSince = 0;
        ByteBuffer b = ByteBuffer.wrap(buf.array(), 0, buf.size());
        boolean syncInProgress = fsyncRunning.get();
        long writeStart = System.nanoTime();
        try {
            faults.beforeAofWrite();
            while (b.hasRemaining()) {
                incr.write(b);
            }
        } catch (IOException e) {
            writeFailed(e, b.position());
            return false;
        } finally {
            long ms = (System.nanoTime() - writeStart) / 1_000_000;
            latency.accept(syncInProgress ? "aof-write-pending-fsync"
                    : childActive.getAsBoolean() ? "aof-write-active-child" : "aof-write-alone", ms);
            latency.accept("aof-write", ms);
        }
        files.incrSize += buf.size();
        buf.reset();
        if (fsyncPolicy == FSYNC_ALWAYS && !fsyncHeld.getAsBoolean()) {
            long fsyncStart = System.nanoTime();
            try {
                faults.beforeFsync();
                incr.force(false);
                lastFsyncMillis = now;
                latency.accept("aof-fsync-always", (System.nanoTime() - fsyncStart) / 1_000_000);
            } catch (IOException e) {
                lastWriteOk = false;
                lastWriteError = message(e);
                LOG.warn("Can't persist AOF for fsync error when the AOF fsync policy is 'always': {}. Exiting...",
                        lastWriteError);
                exiting = true;
                return false;
            }
        } else {
            maybeBackgroundFsync(now);
        }
        if (!lastWriteOk) {
            LOG.warn("AOF write error looks solved, Redis can write again.");
            lastWriteOk = true;
        }
        return true;
    }

    /**
     * Redis's handling of a failed write(2): {@code written} bytes of the buffer went out
     * before the error. A short write is reported as ENOSPC, as Redis does (the kernel's
     * own error comes with the next write), and is cut from the file so that it holds whole
     * commands only; when it cannot be cut, it is counted as written and not written again.
     */
    private void writeFailed(IOException e, int written) {
        String why = written > 0 ? "No space left on device" : message(e);
        if (lastWriteOk || !why.equals(lastWriteError)) {
            if (written > 0) {
                LOG.warn("Short write while writing to the AOF file: (nwritten={}, expected={})", written, buf.size());
            } else {
                LOG.warn("Error writing to the AOF file: {}", why);
            }
        }
        if (written > 0) {
            try {
                files.incr.truncate(files.incrSize);
            } catch (IOException t) {
                LOG.warn("Could not remove short write from the append-only file.  Redis may refuse to load the AOF "
                        + "the next time it starts.  ftruncate: {}", message(t));
                files.incrSize += written;
                buf.dropFirst(written);
            }
        }
        lastWriteOk = false;
        lastWriteError = why;
        if (fsyncPolicy == FSYNC_ALWAYS) {
            // The reply is held but the change is made and may have been seen: acknowledging
            // it later, or taking it back, would both break always's contract.
            LOG.warn("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
            exiting = true;
        }
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void maybeBackgroundFsync(long now) {
        if (fsyncPolicy != FSYNC_EVERYSEC || now - lastFsyncMillis < 1000 || fsyncThread == null
                || fsyncHeld.getAsBoolean()) {
            return;
        }
        if (!fsyncRunning.compareAndSet(false, true)) {
            return;
        }
        lastFsyncMillis = now;
        FileChannel ch = files.incr;
        fsyncThread.execute(() -> {
            try {
                faults.beforeFsync();
                ch.force(false);
                bioFsyncError = null;
            } catch (ClosedChannelException e) {
                // Switched to a new incr file meanwhile; the old one was fsynced when closed.
            } catch (IOException e) {
                bioFsyncError = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.warn("Error fsyncing the AOF file: {}", bioFsyncError);
            } finally {
                fsyncRunning.set(false);
            }
        });
    }

    /** Starts the everysec fsync thread (once the AOF is on). */
    void startFsyncThread() {
        if (fsyncThread == null) {
            fsyncThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "pyredis-aof-fsync");
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** At shutdown: no more background fsyncs. */
    void stopFsyncThread() {
        if (fsyncThread != null) {
            fsyncThread.shutdown();
        }
    }

    /** Whether the server is on its way out after a failed write with {@code always}. */
    boolean exiting() {
        return exiting;
    }

    /** The AOF was turned off: its write status no longer refuses writes. */
    void clearErrors() {
        lastWriteOk = true;
        bioFsyncError = null;
    }

    /** Whether writes get MISCONF because writing or fsyncing the AOF failed. */
    boolean failing() {
        return !lastWriteOk || bioFsyncError != null;
    }

    /** Redis's {@code -MISCONF Errors writing to the AOF file: <strerror>}. */
    String misconf() {
        return "MISCONF Errors writing to the AOF file: " + (lastWriteOk ? bioFsyncError : lastWriteError);
    }

    /** aof_last_write_status */
    boolean lastWriteOk() {
        return lastWriteOk && bioFsyncError == null;
    }

    /** aof_pending_bio_fsync */
    boolean fsyncPending() {
        return fsyncRunning.get();
    }

    /** aof_delayed_fsync */
    long delayedFsync() {
        return delayedFsync;
    }
}
