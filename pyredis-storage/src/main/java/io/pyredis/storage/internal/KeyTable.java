package io.pyredis.storage.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The keys of one {@link Db}: a chained hash table of {@link Entry}s keyed by the key
 * bytes, rehashed incrementally as Redis's dict.c does (two tables while resizing; every
 * lookup moves one bucket, so no single command pays for a whole resize).
 *
 * <p>It knows nothing of deadlines, snapshots or listeners: the entries it is given are
 * the database's, and what a key's removal or overwrite means is {@link Db}'s business.
 *
 * <p>Not thread-safe: the keyspace belongs to one thread.
 */
final class KeyTable {

    private static final int INITIAL_SIZE = 4;
    /** Redis's HASHTABLE_MIN_FILL: shrink when under 10% full. */
    private static final int MIN_FILL_PERCENT = 10;
    /** Redis's dictRehash(d, 1) visits at most 10 empty buckets per bucket moved. */
    private static final int EMPTY_VISITS_PER_STEP = 10;

    private Entry[] t0 = new Entry[INITIAL_SIZE];
    private Entry[] t1;
    private int used0;
    private int used1;
    /** The next bucket of t0 to move into t1; -1 when not rehashing. */
    private int rehashIdx = -1;

    /**
     * The entries of the buckets the last {@link #scanStep} visited, reused across steps so
     * that a step allocates nothing; the caller clears the slots it has read.
     */
    private Entry[] batch = new Entry[16];
    private int batchLen;

    long size() {
        return (long) used0 + used1;
    }

    void clear() {
        t0 = new Entry[INITIAL_SIZE];
        t1 = null;
        used0 = 0;
        used1 = 0;
        rehashIdx = -1;
        Arrays.fill(batch, null);
        batchLen = 0;
    }

    /** The entry of {@code key}, whose {@link Hashing#hash} is {@code h}; null if absent. */
    Entry find(byte[] key, int h) {
        if (rehashIdx >= 0) {
            rehashSteps(1);
        }
        Entry[] t = t0;
        for (Entry e = t[h & (t.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && Arrays.equals(e.key, key)) {
                return e;
            }
        }
        t = t1;
        if (t != null) {
            for (Entry e = t[h & (t.length - 1)]; e != null; e = e.next) {
                if (e.hash == h && Arrays.equals(e.key, key)) {
                    return e;
                }
            }
        }
        return null;
    }

    /** Adds an entry whose key is known to be absent. */
    void add(Entry e) {
        if (rehashIdx < 0 && used0 >= t0.length) {
            // Load factor 1, as Redis: grow to the next power of two above the count.
            resize(tableSizeFor(used0 + 1L));
        }
        int h = e.hash;
        if (rehashIdx >= 0) {
            // New keys go to the new table, so the old one only ever empties.
            Entry[] t = t1;
            int i = h & (t.length - 1);
            e.next = t[i];
            t[i] = e;
            used1++;
        } else {
            Entry[] t = t0;
            int i = h & (t.length - 1);
            e.next = t[i];
            t[i] = e;
            used0++;
        }
    }

    /**
     * Removes {@code e}; false if it was not there (a caller holding entries across
     * changes, as a SCAN step does, may find one already removed).
     */
    boolean remove(Entry e) {
        if (removeFromChain(t0, e)) {
            used0--;
        } else if (t1 != null && removeFromChain(t1, e)) {
            used1--;
        } else {
            return false;
        }
        e.next = null;
        shrinkIfSparse();
        return true;
    }

    private static boolean removeFromChain(Entry[] t, Entry e) {
        int i = e.hash & (t.length - 1);
        Entry p = t[i];
        if (p == e) {
            t[i] = e.next;
            return true;
        }
        while (p != null) {
            if (p.next == e) {
                p.next = e.next;
                return true;
            }
            p = p.next;
        }
        return false;
    }

    /**
     * Starts shrinking the table if it is under 10% full and not already resizing (a
     * table emptied while it was rehashing waits for this, as Redis's tryResizeHashTables).
     */
    void shrinkIfSparse() {
        if (rehashIdx < 0 && t0.length > INITIAL_SIZE
                && (long) used0 * 100 < (long) t0.length * MIN_FILL_PERCENT) {
            resize(Math.max(INITIAL_SIZE, tableSizeFor(used0)));
        }
    }

    private void resize(int size) {
        if (rehashIdx >= 0 || size == t0.length) {
            return;
        }
        if (used0 == 0) {
            t0 = new Entry[size];
            return;
        }
        t1 = new Entry[size];
        used1 = 0;
        rehashIdx = 0;
    }

    boolean isRehashing() {
        return rehashIdx >= 0;
    }

    /** Moves up to {@code buckets} buckets to the new table; whether rehashing continues. */
    boolean rehash(int buckets) {
        return rehashSteps(buckets);
    }

    /** Redis's dictRehash: moves {@code n} non-empty buckets, visiting at most 10n empty. */
    private boolean rehashSteps(int n) {
        if (rehashIdx < 0) {
            return false;
        }
        Entry[] from = t0;
        Entry[] to = t1;
        int mask = to.length - 1;
        int emptyVisits = n * EMPTY_VISITS_PER_STEP;
        while (n-- > 0 && used0 != 0) {
            while (from[rehashIdx] == null) {
                rehashIdx++;
                if (--emptyVisits == 0) {
                    return true;
                }
            }
            Entry e = from[rehashIdx];
            while (e != null) {
                Entry next = e.next;
                int i = e.hash & mask;
                e.next = to[i];
                to[i] = e;
                used0--;
                used1++;
                e = next;
            }
            from[rehashIdx] = null;
            rehashIdx++;
        }
        if (used0 == 0) {
            t0 = to;
            used0 = used1;
            t1 = null;
            used1 = 0;
            rehashIdx = -1;
            return false;
        }
        return true;
    }

    /** The number of buckets of the table, or of the one being rehashed into; for tests. */
    int buckets() {
        return t1 == null ? t0.length : t1.length;
    }

    private static int tableSizeFor(long n) {
        if (n <= INITIAL_SIZE) {
            return INITIAL_SIZE;
        }
        if (n >= 1 << 30) {
            return 1 << 30;
        }
        return Integer.highestOneBit((int) n - 1) << 1;
    }

    /** Redis's dictGetRandomKey: a random non-empty bucket, then a random chain element; null when empty. */
    Entry random() {
        if (size() == 0) {
            return null;
        }
        if (rehashIdx >= 0) {
            rehashSteps(1);
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Entry head;
        if (rehashIdx >= 0) {
            // Buckets of t0 below rehashIdx are empty: draw from the rest of t0 and t1.
            int s0 = t0.length;
            int span = s0 + t1.length - rehashIdx;
            do {
                int h = rehashIdx + rnd.nextInt(span);
                head = h >= s0 ? t1[h - s0] : t0[h];
            } while (head == null);
        } else {
            Entry[] t = t0;
            int mask = t.length - 1;
            do {
                head = t[rnd.nextInt() & mask];
            } while (head == null);
        }
        int len = 0;
        for (Entry e = head; e != null; e = e.next) {
            len++;
        }
        int pick = len == 1 ? 0 : rnd.nextInt(len);
        Entry e = head;
        while (pick-- > 0) {
            e = e.next;
        }
        return e;
    }

    /**
     * One step of Redis's dictScan from {@code cursor}: collects the entries of the buckets
     * it visits into {@link #batch()} and returns the next cursor, 0 at the end.
     *
     * <p>The cursor is a bucket index incremented in reverse bit order, so buckets already
     * visited stay visited when the table doubles or halves between steps, and while
     * rehashing the buckets of the larger table that expand the smaller one's are visited
     * together: every entry present for a whole walk is collected at least once. The step
     * only collects, so the caller may change the table while it goes through the batch.
     */
    long scanStep(long cursor) {
        batchLen = 0;
        long v = cursor;
        if (rehashIdx < 0) {
            Entry[] t = t0;
            long m0 = t.length - 1;
            collect(t[(int) (v & m0)]);
            // Set the bits above the mask so the reversed increment carries through them.
            v |= ~m0;
            v = Long.reverse(Long.reverse(v) + 1);
        } else {
            Entry[] small = t0;
            Entry[] big = t1;
            if (small.length > big.length) {
                small = t1;
                big = t0;
            }
            long m0 = small.length - 1;
            long m1 = big.length - 1;
            collect(small[(int) (v & m0)]);
            // Then every bucket of the larger table that expands the small one's bucket.
            do {
                collect(big[(int) (v & m1)]);
                v |= ~m1;
                v = Long.reverse(Long.reverse(v) + 1);
            } while ((v & (m0 ^ m1)) != 0);
        }
        return v;
    }

    private void collect(Entry e) {
        for (; e != null; e = e.next) {
            if (batchLen == batch.length) {
                batch = Arrays.copyOf(batch, batchLen * 2);
            }
            batch[batchLen++] = e;
        }
    }

    /** The entries the last {@link #scanStep} collected, in slots 0 to {@link #batchSize()} - 1. */
    Entry[] batch() {
        return batch;
    }

    int batchSize() {
        return batchLen;
    }

    /** What {@link #forEach} passes each entry to. */
    @FunctionalInterface
    interface EntryAction<E extends Exception> {
        void accept(Entry e) throws E;
    }

    /**
     * Passes every entry to {@code action} once, moving nothing (no rehash step), so the
     * action sees the table as it stands; it must not add or remove entries.
     */
    <E extends Exception> void forEach(EntryAction<E> action) throws E {
        forEachIn(t0, action);
        if (t1 != null) {
            forEachIn(t1, action);
        }
    }

    private static <E extends Exception> void forEachIn(Entry[] t, EntryAction<E> action) throws E {
        for (Entry head : t) {
            for (Entry e = head; e != null; e = e.next) {
                action.accept(e);
            }
        }
    }

    /**
     * dictGetStats of this table; with {@code deadlinesOnly}, of the keys with a deadline
     * only, laid out as Redis's expires dict would hold them (its own power-of-two size,
     * at least 4, growing as a dict grows).
     */
    void stats(DictStats out, boolean deadlinesOnly) {
        if (!deadlinesOnly) {
            statsOf(out, 0, t0, used0);
            if (rehashIdx >= 0) {
                statsOf(out, 1, t1, used1);
            }
            return;
        }
        List<Entry> withDeadline = new ArrayList<>();
        forEach(e -> {
            if (e.expIdx >= 0) {
                withDeadline.add(e);
            }
        });
        int size = INITIAL_SIZE;
        while (size < withDeadline.size()) {
            size <<= 1;
        }
        int[] chains = new int[size];
        for (Entry e : withDeadline) {
            chains[e.hash & (size - 1)]++;
        }
        DictStats.Table s = out.table(0, size, withDeadline.size());
        if (!withDeadline.isEmpty()) {
            for (int n : chains) {
                s.bucket(n);
            }
        }
        s.end();
    }

    private static void statsOf(DictStats out, int index, Entry[] t, long used) {
        DictStats.Table s = out.table(index, t.length, used);
        if (used > 0) {
            for (Entry head : t) {
                int n = 0;
                for (Entry e = head; e != null; e = e.next) {
                    n++;
                }
                s.bucket(n);
            }
        }
        s.end();
    }
}
