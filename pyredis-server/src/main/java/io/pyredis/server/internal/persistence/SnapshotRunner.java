package io.pyredis.server.internal.persistence;

import io.pyredis.core.loop.Loop;
import io.pyredis.storage.BackgroundSave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Drives a {@link BackgroundSave} (BGSAVE, the base of an AOF rewrite) from the event
 * loop: one slice per loop turn, between clients' commands, and its end handed back to
 * the loop once the writer thread has the file in place.
 *
 * <p>A slice lasts as long as the loop spent on everything else since the previous one
 * (clients' I/O and commands), between {@link #MIN_SLICE_NANOS} and
 * {@link #MAX_SLICE_NANOS}: under load clients and the snapshot share the thread about
 * evenly, as Netty's ioRatio 50 shares it between I/O and tasks; idle, the snapshot runs
 * slice after slice.
 */
public final class SnapshotRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRunner.class);
    /** The shortest slice: long enough that scheduling it costs little. */
    static final long MIN_SLICE_NANOS = 100_000;
    /** The longest slice: the most extra latency a command can see while a snapshot is written. */
    static final long MAX_SLICE_NANOS = 1_000_000;

    private final BackgroundSave save;
    private final Loop loop;
    private final Consumer<Throwable> onEnd;
    private boolean ended;
    private long lastSliceEnd = System.nanoTime();

    private SnapshotRunner(BackgroundSave save, Loop loop, Consumer<Throwable> onEnd) {
        this.save = save;
        this.loop = loop;
        this.onEnd = onEnd;
    }

    /**
     * Starts driving {@code save}; {@code onEnd} gets null on success or the failure, on
     * the loop, once.
     */
    public static SnapshotRunner start(BackgroundSave save, Loop loop, Consumer<Throwable> onEnd) {
        SnapshotRunner r = new SnapshotRunner(save, loop, onEnd);
        loop.execute(r::slice);
        return r;
    }

    /** The save being driven. */
    public BackgroundSave save() {
        return save;
    }

    private void slice() {
        if (ended) {
            return;
        }
        boolean walked;
        long start = System.nanoTime();
        long budget = Math.min(MAX_SLICE_NANOS, Math.max(MIN_SLICE_NANOS, start - lastSliceEnd));
        try {
            walked = save.step(budget);
        } catch (RuntimeException e) {
            LOG.error("Snapshot walk failed", e);
            walked = true;
        }
        lastSliceEnd = System.nanoTime();
        if (walked) {
            save.result().whenComplete((bytes, err) -> loop.execute(() -> end(err)));
        } else {
            // Scheduled, not execute()d: the loop runs its queue of tasks until it is empty
            // (Netty checks its time budget only every 64 tasks), so a slice that queued the
            // next one with execute() would run 64 in a row; scheduled tasks are taken once per
            // loop turn, so clients' I/O runs between any two slices.
            loop.schedule(this::slice, save.waitingForDisk() ? 1_000_000 : 0);
        }
    }

    /**
     * Walks the rest now, on the calling (loop) thread, waits for the file and runs the
     * end: for SAVE, SHUTDOWN, and anything that must not overlap the snapshot.
     */
    public void finish() {
        if (ended) {
            return;
        }
        Throwable err = null;
        try {
            save.step(Long.MAX_VALUE);
            save.result().get();
        } catch (ExecutionException e) {
            err = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err = e;
        } catch (RuntimeException e) {
            err = e;
        }
        end(err);
    }

    private void end(Throwable err) {
        if (ended) {
            return;
        }
        ended = true;
        onEnd.accept(err instanceof CompletionException && err.getCause() != null ? err.getCause() : err);
    }
}
