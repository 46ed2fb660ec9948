package io.pyredis.storage;

import io.pyredis.storage.internal.rdb.CommandsFormat;
import io.pyredis.storage.internal.rdb.RdbSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * BGSAVE without stopping the world: a point-in-time RDB image of a {@link Keyspace},
 * serialized on the keyspace's thread a slice at a time between commands, and written to
 * disk by a thread of its own.
 *
 * <p>Redis forks and lets the kernel copy the pages the parent changes; a JVM cannot
 * fork, so the keyspace itself tells the snapshot about every key about to change that it
 * has not written yet, and the snapshot writes that key first (see {@code RdbSnapshot}).
 * The image is the keyspace at {@link #start}; the memory it costs is the keys changed
 * ahead of the walk plus a bounded queue of output, not a copy of the data.
 *
 * <p>The owner calls {@link #step} on the keyspace's thread until it returns true
 * (between commands, so clients are served meanwhile), then waits for {@link #result()}.
 * FLUSHALL, FLUSHDB and SWAPDB finish the walk at once before they run.
 *
 * @since 0.1
 */
public final class BackgroundSave {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSave.class);
    /** Output chunks the walk may run ahead of the disk: 64 of up to 64 KB. */
    private static final int QUEUED_CHUNKS = 64;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final RdbSnapshot snapshot;
    private final BlockingQueue<ByteBuffer> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    /** Chunks the writer thread is done with, for the walk to fill again (no garbage per chunk). */
    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(QUEUED_CHUNKS + 2);
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private volatile boolean cancelled;

    private BackgroundSave(Keyspace ks, boolean compression, boolean checksum, boolean aofBase) throws IOException {
        this.snapshot = Rdb.begin(ks, new QueueStream(queue, free), compression, checksum, aofBase);
    }

    private BackgroundSave(Keyspace ks) throws IOException {
        this.snapshot = Rdb.begin(ks, new QueueStream(queue, free), false, new CommandsFormat());
    }

    /**
     * Fixes the image of {@code ks} now and starts writing it to {@code temp}; when all is
     * written, the file is fsynced, renamed to {@code target} and the directory fsynced, so
     * a crash leaves the old {@code target} or the new one, never a part.
     *
     * @param aofBase whether this is an AOF base ({@code aof-base} AUX field 1)
     * @throws IOException           when {@code temp} cannot be created (nothing started)
     * @throws IllegalStateException when another snapshot of {@code ks} is running
     */
    public static BackgroundSave start(Keyspace ks, Path temp, Path target, boolean compression, boolean checksum,
                                       boolean aofBase) throws IOException {
        return start(ks, temp, target, () -> new BackgroundSave(ks, compression, checksum, aofBase));
    }

    /**
     * As {@link #start}, but the image is the commands that rebuild the data: an AOF base
     * without the RDB preamble ({@code aof-use-rdb-preamble no}), as Redis 7.0 writes it.
     */
    public static BackgroundSave startCommands(Keyspace ks, Path temp, Path target) throws IOException {
        return start(ks, temp, target, () -> new BackgroundSave(ks));
    }

    private interface Begin {
        BackgroundSave begin() throws IOException;
    }

    private static BackgroundSave start(Keyspace ks, Path temp, Path target, Begin begin) throws IOException {
        if (ks.internalState().save != null) {
            throw new IllegalStateException("a snapshot is already running");
        }
        FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        BackgroundSave s;
        try {
            s = begin.begin();
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(temp);
            throw e;
        }
        Thread t = new Thread(() -> s.writeAll(ch, temp, target), "pyredis-bgsave");
        t.setDaemon(true);
        t.start();
        return s;
    }

    /**
     * Serializes for about {@code budgetNanos} on the keyspace's thread; returns at once,
     * having done nothing, while the disk is behind ({@link #waitingForDisk()}).
     *
     * @return true when the whole image has been handed to the writer thread
     */
    public boolean step(long budgetNanos) {
        if (!snapshot.isDone() && waitingForDisk()) {
            return false;
        }
        try {
            return snapshot.step(budgetNanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops the file instead of putting it in place (FLUSHALL, as Redis kills its saving
     * child): {@link #result()} then fails with a {@link CancellationException}. The walk
     * still has to run to its end (the keyspace's marks rely on it); callable from the
     * keyspace's thread at any time before the result completes.
     */
    public void cancel() {
        cancelled = true;
    }

    /** Whether the output queue is nearly full, so a step would only wait for the disk. */
    public boolean waitingForDisk() {
        return queue.remainingCapacity() < 2;
    }

    /** Completes, on the writer thread, when the file is in place (the bytes written), or fails. */
    public CompletableFuture<Long> result() {
        return result;
    }

    /** Keys written so far. */
    public long keysProcessed() {
        return snapshot.keysWritten();
    }

    /** Keys in the keyspace when the save started. */
    public long keysTotal() {
        return snapshot.keysTotal();
    }

    /** Bytes of keys changed ahead of the walk, held until it gets to their database. */
    public long preservedBytes() {
        return snapshot.preservedBytes();
    }

    /** The most such bytes held at once. */
    public long peakPreservedBytes() {
        return snapshot.peakPreservedBytes();
    }

    /** When the save started, as {@link System#nanoTime()}. */
    public long startNanos() {
        return startNanos;
    }

    private void writeAll(FileChannel ch, Path temp, Path target) {
        long bytes = 0;
        IOException failure = null;
        try (FileChannel c = ch) {
            while (true) {
                ByteBuffer chunk = queue.take();
                if (chunk == END) {
                    // Written by the walk before it sent END (the queue orders the two).
                    if (failure == null && snapshot.failure() != null) {
                        failure = snapshot.failure();
                    }
                    break;
                }
                if (failure == null) {
                    try {
                        bytes += chunk.remaining();
                        while (chunk.hasRemaining()) {
                            c.write(chunk);
                        }
                    } catch (IOException e) {
                        // Keep taking chunks: the walk must not block on a full queue.
                        failure = e;
                    }
                }
                free.offer(chunk.clear());
            }
            if (failure == null) {
                c.force(true);
            }
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IOException("interrupted");
        }
        try {
            if (failure == null && !cancelled) {
                DurableFiles.replace(temp, target);
                result.complete(bytes);
                return;
            }
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException ? (IOException) e : new IOException(e);
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", temp, e.toString());
        }
        result.completeExceptionally(failure == null ? new CancellationException("save cancelled") : failure);
    }

    /**
     * Hands each buffer the snapshot's writer flushes to the writer thread, in a chunk the
     * thread has given back when there is one; blocks while the queue is full.
     */
    private static final class QueueStream extends OutputStream {
        /** The RDB writer flushes 64 KB at most at a time. */
        private static final int CHUNK = 64 * 1024;

        private final BlockingQueue<ByteBuffer> queue;
        private final BlockingQueue<ByteBuffer> free;

        QueueStream(BlockingQueue<ByteBuffer> queue, BlockingQueue<ByteBuffer> free) {
            this.queue = queue;
            this.free = free;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, CHUNK);
                ByteBuffer chunk = free.poll();
                if (chunk == null) {
                    chunk = ByteBuffer.allocate(CHUNK);
                }
                put(chunk.put(b, off, n).flip());
                off += n;
                len -= n;
            }
        }

        /** The snapshot flushes once, at its end. */
        @Override
        public void flush() throws IOException {
            put(END);
        }

        private void put(ByteBuffer chunk) throws IOException {
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
