package io.pyredis.storage.internal;

import java.util.Arrays;

/**
 * The entries of one {@link Db} that have a deadline, in a dense array: each entry knows
 * its slot ({@link Entry#expIdx}) and removal moves the last entry into the hole, so adding,
 * removing and sampling are O(1) and no second hash table is needed.
 *
 * <p>The active expiry cycle samples it with {@link #nextSample}, a cursor walking the
 * array downwards, which visits every entry with a deadline once per sweep even when
 * entries come and go between cycles.
 *
 * <p>Not thread-safe: the keyspace belongs to one thread.
 */
final class ExpiryIndex {

    private static final int INITIAL_SIZE = 16;

    private Entry[] entries = new Entry[INITIAL_SIZE];
    private int count;
    /** The active cycle's position in {@link #entries}; it walks downwards. */
    private int cursor;

    int size() {
        return count;
    }

    void clear() {
        entries = new Entry[INITIAL_SIZE];
        count = 0;
        cursor = 0;
    }

    /** Gives {@code e} the deadline {@code deadline} (unix ms), indexing it if it had none. */
    void set(Entry e, long deadline) {
        e.expireAt = deadline;
        if (e.expIdx < 0) {
            if (count == entries.length) {
                entries = Arrays.copyOf(entries, count * 2);
            }
            e.expIdx = count;
            entries[count++] = e;
        }
    }

    /** Drops the deadline of {@code e}, which must have one. */
    void remove(Entry e) {
        int i = e.expIdx;
        Entry last = entries[--count];
        entries[i] = last;
        last.expIdx = i;
        entries[count] = null;
        e.expIdx = -1;
        e.expireAt = Entry.NO_DEADLINE;
        if (entries.length > INITIAL_SIZE && count < entries.length >> 2) {
            entries = Arrays.copyOf(entries, entries.length >> 1);
        }
    }

    /** A uniformly random entry with a deadline (volatile-* eviction's sampling); null when none. */
    Entry random(java.util.concurrent.ThreadLocalRandom rnd) {
        return count == 0 ? null : entries[rnd.nextInt(count)];
    }

    /**
     * The next entry for the active cycle to look at; the index must not be empty. The
     * caller may remove the entry before asking for the next one: removal moves the last
     * entry (already visited this sweep, or added since) into its slot, below which the
     * walk continues, so nothing is skipped.
     */
    Entry nextSample() {
        if (cursor <= 0 || cursor > count) {
            cursor = count;
        }
        return entries[--cursor];
    }
}
