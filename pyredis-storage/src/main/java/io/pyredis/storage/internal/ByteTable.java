package io.pyredis.storage.internal;

import java.util.Arrays;

/**
 * The {@code hashtable} encoding of hashes and sets: binary keys (with values, for
 * hashes) in dense arrays, indexed by a chained hash table whose chains link positions
 * in those arrays.
 *
 * <p>Dense storage gives O(1) random picks (a random position) and cheap iteration;
 * removal moves the last entry into the hole, so positions change when the table
 * changes. The index has a power-of-two number of buckets and is rebuilt at once when it
 * doubles or shrinks (amortised O(1); the arrays are ints, so a rebuild is a tight loop).
 * Scans walk buckets with Redis's reverse-binary cursor, which keeps its guarantee across
 * resizes: every entry present for the whole scan is returned at least once.
 *
 * <p>Keys are hashed with the seeded {@link Hashing#hash}, so clients cannot aim many
 * fields at one bucket. Not thread-safe.
 */
final class ByteTable {

    private static final int MIN_BUCKETS = 4;
    /** Shrink when under 10% full, as Redis's HASHTABLE_MIN_FILL. */
    private static final int MIN_FILL_PERCENT = 10;

    /** Bucket heads: a position, or -1 for an empty bucket. */
    private int[] buckets;
    private byte[][] keys;
    /** Parallel to {@link #keys}; null for sets. */
    private byte[][] values;
    private int[] hashes;
    /** The next position in the same bucket, or -1. */
    private int[] next;
    private int size;

    ByteTable(boolean withValues, int capacity) {
        int cap = Math.max(capacity, MIN_BUCKETS);
        buckets = newBuckets(bucketsFor(cap));
        keys = new byte[cap][];
        values = withValues ? new byte[cap][] : null;
        hashes = new int[cap];
        next = new int[cap];
    }

    /** A copy sharing only the (immutable) byte arrays. */
    ByteTable copy() {
        ByteTable t = new ByteTable(values != null, 0);
        t.buckets = buckets.clone();
        t.keys = keys.clone();
        t.values = values == null ? null : values.clone();
        t.hashes = hashes.clone();
        t.next = next.clone();
        t.size = size;
        return t;
    }

    int size() {
        return size;
    }

    int buckets() {
        return buckets.length;
    }

    byte[] keyAt(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException(position);
        }
        return keys[position];
    }

    byte[] valueAt(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException(position);
        }
        return values[position];
    }

    /** The position of {@code key}, or -1. */
    int find(byte[] key) {
        return find(key, Hashing.hash(key));
    }

    private int find(byte[] key, int h) {
        for (int i = buckets[h & (buckets.length - 1)]; i >= 0; i = next[i]) {
            if (hashes[i] == h && Arrays.equals(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    /** Sets {@code key} to {@code value} (null for sets); whether the key is new. */
    boolean put(byte[] key, byte[] value) {
        int h = Hashing.hash(key);
        int i = find(key, h);
        if (i >= 0) {
            if (values != null) {
                values[i] = value;
            }
            return false;
        }
        append(key, value, h);
        return true;
    }

    /** Adds a key known to be absent (conversion from a compact encoding). */
    void appendNew(byte[] key, byte[] value) {
        append(key, value, Hashing.hash(key));
    }

    private void append(byte[] key, byte[] value, int h) {
        if (size == keys.length) {
            int cap = keys.length + (keys.length >> 1) + 1;
            keys = Arrays.copyOf(keys, cap);
            if (values != null) {
                values = Arrays.copyOf(values, cap);
            }
            hashes = Arrays.copyOf(hashes, cap);
            next = Arrays.copyOf(next, cap);
        }
        int i = size++;
        keys[i] = key;
        if (values != null) {
            values[i] = value;
        }
        hashes[i] = h;
        if (size > buckets.length) {
            // Load factor 1, as Redis: the rebuild links the new entry too.
            rebuild(buckets.length << 1);
        } else {
            int b = h & (buckets.length - 1);
            next[i] = buckets[b];
            buckets[b] = i;
        }
    }

    /** Removes {@code key}; whether it was there. */
    boolean remove(byte[] key) {
        int i = find(key);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        return true;
    }

    /** Removes the entry at {@code position}; the last entry moves into its place. */
    void removeAt(int position) {
        unlink(position);
        int last = --size;
        if (position != last) {
            // Re-point whatever refers to the last entry at its new position.
            int b = hashes[last] & (buckets.length - 1);
            if (buckets[b] == last) {
                buckets[b] = position;
            } else {
                int p = buckets[b];
                while (next[p] != last) {
                    p = next[p];
                }
                next[p] = position;
            }
            keys[position] = keys[last];
            if (values != null) {
                values[position] = values[last];
            }
            hashes[position] = hashes[last];
            next[position] = next[last];
        }
        keys[last] = null;
        if (values != null) {
            values[last] = null;
        }
        if (buckets.length > MIN_BUCKETS && (long) size * 100 < (long) buckets.length * MIN_FILL_PERCENT) {
            rebuild(bucketsFor(size));
            if (keys.length > 2 * Math.max(size, MIN_BUCKETS)) {
                int cap = Math.max(size, MIN_BUCKETS);
                keys = Arrays.copyOf(keys, cap);
                if (values != null) {
                    values = Arrays.copyOf(values, cap);
                }
                hashes = Arrays.copyOf(hashes, cap);
                next = Arrays.copyOf(next, cap);
            }
        }
    }

    private void unlink(int i) {
        int b = hashes[i] & (buckets.length - 1);
        if (buckets[b] == i) {
            buckets[b] = next[i];
            return;
        }
        int p = buckets[b];
        while (next[p] != i) {
            p = next[p];
        }
        next[p] = next[i];
    }

    private void rebuild(int bucketCount) {
        int[] nb = newBuckets(bucketCount);
        int mask = bucketCount - 1;
        for (int i = 0; i < size; i++) {
            int b = hashes[i] & mask;
            next[i] = nb[b];
            nb[b] = i;
        }
        buckets = nb;
    }

    /** Receives the entries of one scan step. */
    interface ScanSink {
        void accept(byte[] key, byte[] value);
    }

    /**
     * Redis's dictScan over this table: visits whole buckets from {@code cursor} (in
     * reverse-binary order) until about {@code count} entries were passed or
     * {@code 10 * count} buckets visited; returns the next cursor, 0 at the end.
     */
    long scan(long cursor, int count, ScanSink out) {
        if (size == 0) {
            return 0;
        }
        long maxIterations = Math.max(count, 1) * 10L;
        long emitted = 0;
        long v = cursor;
        do {
            long mask = buckets.length - 1;
            for (int i = buckets[(int) (v & mask)]; i >= 0; i = next[i]) {
                out.accept(keys[i], values == null ? null : values[i]);
                emitted++;
            }
            // Increment the reversed cursor: the high bits first.
            v |= ~mask;
            v = Long.reverse(v);
            v++;
            v = Long.reverse(v);
        } while (v != 0 && maxIterations-- > 0 && emitted < count);
        return v;
    }

    private static int bucketsFor(int entries) {
        int n = MIN_BUCKETS;
        while (n < entries && n < (1 << 30)) {
            n <<= 1;
        }
        return n;
    }

    private static int[] newBuckets(int n) {
        int[] b = new int[n];
        Arrays.fill(b, -1);
        return b;
    }

    /** dictGetStats of this table (one table: it resizes at once, never rehashing). */
    void stats(DictStats out) {
        DictStats.Table s = out.table(0, buckets.length, size);
        if (size > 0) {
            for (int head : buckets) {
                int n = 0;
                for (int p = head; p >= 0; p = next[p]) {
                    n++;
                }
                s.bucket(n);
            }
        }
        s.end();
    }
}
