package io.pyredis.storage.internal.rdb;

import io.pyredis.api.RedisValue;
import io.pyredis.storage.internal.Db;
import io.pyredis.storage.internal.KeyspaceState;
import io.pyredis.storage.internal.SaveHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A point-in-time image of the databases, written while they go on changing: what Redis
 * gets from fork() and copy-on-write, done with the keyspace's own thread. The image is
 * an RDB file ({@link #rdb}), or the commands that rebuild the data ({@link CommandsFormat},
 * an AOF base without the RDB preamble).
 *
 * <p>{@link #begin} flips the keyspace's save mark, so every stored key is "not written
 * yet", and installs this as the keyspace's {@link SaveHook}. The walk ({@link #step})
 * then visits the databases in order with the SCAN cursor, writing each key not written
 * yet. A key about to change or go before the walk got to it is written first, as it
 * still is ({@link #preserve}): into the stream when its database is the one being
 * walked, else into a side buffer for its database, copied into the stream when the walk
 * gets there. Keys created after {@link #begin} carry the new mark and are skipped. So
 * the file holds the keys as they were at {@link #begin}, and the extra memory is the
 * size of the keys changed ahead of the walk (Redis's copy-on-write size), never a copy
 * of everything.
 *
 * <p>Everything runs on the keyspace's thread. The walk always runs to its end: a
 * snapshot whose output failed keeps walking and discards, because the next snapshot
 * relies on every key carrying the mark of this one.
 */
public final class RdbSnapshot implements SaveHook {

    /** How the image is written; every method writes through {@code w}, which buffers. */
    public interface Format {
        /** The start of the file. */
        void header(RdbWriter w) throws IOException;

        /** The start of database {@code db}, which had {@code size} keys ({@code expires} with a deadline) at the start. */
        void database(RdbWriter w, int db, long size, long expires) throws IOException;

        /** One key; false when its value has no form in this format (nothing written). */
        boolean entry(RdbWriter w, byte[] key, RedisValue value, long expireAt) throws IOException;

        /** The end of the file. */
        void footer(RdbWriter w) throws IOException;
    }

    /** Redis's RDB: the magic, {@code aux} (name and value alternating), databases, EOF and checksum. */
    public static Format rdb(boolean checksum, String... aux) {
        return new Format() {
            @Override
            public void header(RdbWriter w) throws IOException {
                byte[] magic = String.format("REDIS%04d", RdbConstants.RDB_VERSION).getBytes(StandardCharsets.US_ASCII);
                w.write(magic, 0, magic.length);
                for (int i = 0; i + 1 < aux.length; i += 2) {
                    w.writeAux(aux[i], aux[i + 1]);
                }
            }

            @Override
            public void database(RdbWriter w, int db, long size, long expires) throws IOException {
                w.writeByte(RdbConstants.OPCODE_SELECTDB);
                w.writeLen(db);
                w.writeByte(RdbConstants.OPCODE_RESIZEDB);
                w.writeLen(size);
                w.writeLen(expires);
            }

            @Override
            public boolean entry(RdbWriter w, byte[] key, RedisValue value, long expireAt) throws IOException {
                int type = RdbWriter.typeOf(value);
                if (type < 0) {
                    return false;
                }
                if (expireAt >= 0) {
                    w.writeByte(RdbConstants.OPCODE_EXPIRETIME_MS);
                    w.writeLe(expireAt, 8);
                }
                w.writeByte(type);
                w.writeString(key);
                w.writeObject(type, value);
                return true;
            }

            @Override
            public void footer(RdbWriter w) throws IOException {
                w.writeByte(RdbConstants.OPCODE_EOF);
                long crc = checksum ? w.crc() : 0;
                w.writeLe(crc, 8);
            }
        };
    }

    private static final Logger LOG = LoggerFactory.getLogger(RdbSnapshot.class);
    /** Walk steps between clock readings. */
    private static final int STEPS_PER_TIME_CHECK = 16;

    private final Db[] dbs;
    private final KeyspaceState ks;
    private final Guarded sink;
    private final RdbWriter out;
    private final boolean compression;
    private final Format format;
    private final long startMillis;
    private final long[] sizes;
    private final long[] expiresSizes;
    /** Keys preserved ahead of the walk, per database; null where there are none. */
    private final ByteArrayOutputStream[] pendingBytes;
    private final RdbWriter[] pending;
    private final long keysTotal;

    private int cur;
    private long cursor;
    private boolean done;
    private long keysWritten;
    private long preservedBytes;
    private long peakPreservedBytes;
    private boolean warnedUnsaveable;

    /**
     * @param sink where the file's bytes go; an {@link IOException} from it ends the
     *             snapshot's output (see {@link #failure()}), not its walk
     */
    public RdbSnapshot(Db[] dbs, KeyspaceState ks, OutputStream sink, boolean compression, Format format) {
        this.dbs = dbs;
        this.ks = ks;
        this.sink = new Guarded(sink);
        this.compression = compression;
        this.format = format;
        this.out = new RdbWriter(this.sink, compression, ks.limits);
        this.startMillis = ks.now;
        this.sizes = new long[dbs.length];
        this.expiresSizes = new long[dbs.length];
        this.pendingBytes = new ByteArrayOutputStream[dbs.length];
        this.pending = new RdbWriter[dbs.length];
        long total = 0;
        for (int i = 0; i < dbs.length; i++) {
            sizes[i] = dbs[i].size();
            expiresSizes[i] = dbs[i].expiresSize();
            total += sizes[i];
        }
        this.keysTotal = total;
    }

    /**
     * Starts the snapshot: from here on the image is fixed. Writes the header.
     *
     * @throws IllegalStateException when another snapshot of the keyspace is running
     */
    public void begin() throws IOException {
        if (ks.save != null) {
            throw new IllegalStateException("a snapshot is already running");
        }
        ks.saveMark ^= 1;
        ks.save = this;
        format.header(out);
        cur = -1;
        nextDb();
    }

    /**
     * Walks on for about {@code budgetNanos}; {@code Long.MAX_VALUE} walks to the end.
     *
     * @return true when the walk is over and the whole file has gone to the sink
     */
    public boolean step(long budgetNanos) throws IOException {
        if (done) {
            return true;
        }
        long start = budgetNanos == Long.MAX_VALUE ? 0 : System.nanoTime();
        int steps = 0;
        while (cur < dbs.length) {
            cursor = dbs[cur].saveStep(cursor, this::write);
            if (cursor == 0) {
                nextDb();
            }
            if (++steps == STEPS_PER_TIME_CHECK) {
                steps = 0;
                if (budgetNanos != Long.MAX_VALUE && System.nanoTime() - start >= budgetNanos) {
                    return false;
                }
            }
        }
        format.footer(out);
        out.flush();
        sink.flush();
        done = true;
        ks.save = null;
        return true;
    }

    /** Moves the walk to the next database that had keys at the start and writes its header. */
    private void nextDb() throws IOException {
        cursor = 0;
        do {
            cur++;
        } while (cur < dbs.length && sizes[cur] == 0);
        if (cur == dbs.length) {
            return;
        }
        format.database(out, cur, sizes[cur], expiresSizes[cur]);
        ByteArrayOutputStream held = pendingBytes[cur];
        if (held != null) {
            pending[cur].flush();
            byte[] b = held.toByteArray();
            out.write(b, 0, b.length);
            preservedBytes -= b.length;
            pendingBytes[cur] = null;
            pending[cur] = null;
        }
    }

    /** Writes one key of the image, unless it had expired when the snapshot began. */
    private void write(byte[] key, RedisValue value, long expireAt) throws IOException {
        write(out, key, value, expireAt);
    }

    private void write(RdbWriter w, byte[] key, RedisValue value, long expireAt) throws IOException {
        if (expireAt >= 0 && expireAt < startMillis) {
            return;
        }
        boolean written;
        try {
            written = format.entry(w, key, value, expireAt);
        } catch (IOException | RuntimeException e) {
            // A plugin type's save that failed (the sink itself never throws): the snapshot
            // fails, and the walk goes on, as always.
            LOG.error("Key '{}' of type {} could not be saved", new String(key, StandardCharsets.UTF_8),
                    value.type().name(), e);
            sink.fail(e instanceof IOException io ? io
                    : new IOException("key of type " + value.type().name() + " could not be saved: " + e, e));
            return;
        }
        if (!written) {
            if (!warnedUnsaveable) {
                warnedUnsaveable = true;
                LOG.warn("Keys of type {} are not saved: the type has no persistent form", value.type().name());
            }
            return;
        }
        keysWritten++;
    }

    @Override
    public void preserve(int db, byte[] key, RedisValue value, long expireAt) {
        try {
            if (db == cur) {
                write(out, key, value, expireAt);
                return;
            }
            if (db < cur) {
                // Every key of a database behind the walk carries the new mark.
                LOG.error("Snapshot asked to preserve a key of database {} behind the walk at {}", db, cur);
                return;
            }
            RdbWriter w = pending[db];
            if (w == null) {
                pendingBytes[db] = new ByteArrayOutputStream();
                w = pending[db] = new RdbWriter(pendingBytes[db], compression, ks.limits);
            }
            long before = w.written();
            write(w, key, value, expireAt);
            w.flush();
            preservedBytes += w.written() - before;
            peakPreservedBytes = Math.max(peakPreservedBytes, preservedBytes);
        } catch (IOException e) {
            // Not from the sink (it keeps its failures) nor from memory buffers: unreachable.
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finishNow() {
        try {
            step(Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first error the sink gave (or a key that could not be written), after which the
     * rest was discarded; null if none. Set before the sink's final flush.
     */
    public IOException failure() {
        return sink.failure;
    }

    /**
     * The sink, made never to throw: a failed write must not fail the change of the key
     * being preserved, nor stop the walk (see the class comment). The first failure is
     * kept and everything after it discarded.
     */
    private static final class Guarded extends OutputStream {
        private final OutputStream target;
        IOException failure;

        Guarded(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failure == null) {
                try {
                    target.write(b, off, len);
                } catch (IOException e) {
                    failure = e;
                }
            }
        }

        /** Passed on even after a failure: the end of the output must reach the target. */
        @Override
        public void flush() {
            try {
                target.flush();
            } catch (IOException e) {
                fail(e);
            }
        }

        void fail(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }

    /** Whether the walk is over. */
    public boolean isDone() {
        return done;
    }

    /** Keys written so far (INFO {@code current_save_keys_processed}). */
    public long keysWritten() {
        return keysWritten;
    }

    /** Keys in the databases when the snapshot began (INFO {@code current_save_keys_total}). */
    public long keysTotal() {
        return keysTotal;
    }

    /** Bytes of keys preserved ahead of the walk and held now (INFO {@code current_cow_size}). */
    public long preservedBytes() {
        return preservedBytes;
    }

    /** The most such bytes held at once (INFO {@code current_cow_peak}, {@code rdb_last_cow_size}). */
    public long peakPreservedBytes() {
        return peakPreservedBytes;
    }
}
