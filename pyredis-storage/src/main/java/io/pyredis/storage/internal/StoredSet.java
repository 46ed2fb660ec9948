package io.pyredis.storage.internal;

import io.pyredis.support.Numbers;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.EncodingLimits;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A set in one of Redis 7.0's two encodings (t_set.c's setTypeAdd), moving only forwards:
 *
 * <ul>
 *   <li>{@code intset}: a sorted {@code long[]}, while every member is the canonical
 *       decimal form of a 64-bit integer and there are at most
 *       {@code set-max-intset-entries} of them;</li>
 *   <li>{@code hashtable}: a {@link ByteTable}, from the first non-integer member or the
 *       first member past that count on. Removing members never converts back.</li>
 * </ul>
 *
 * (The listpack set of Redis 7.2 does not exist in 7.0.)
 */
final class StoredSet implements RedisSet {

    /** Redis caps intsets at 2^30 entries whatever the config says. */
    private static final int INTSET_HARD_MAX = 1 << 30;

    private final EncodingLimits limits;
    private long[] ints;
    private ByteTable table;
    /** Entries of {@link #ints}. */
    private int count;

    StoredSet(EncodingLimits limits) {
        this.limits = limits;
        this.ints = new long[4];
    }

    private StoredSet(EncodingLimits limits, long[] ints, ByteTable table, int count) {
        this.limits = limits;
        this.ints = ints;
        this.table = table;
        this.count = count;
    }

    @Override
    public String encoding() {
        return ints != null ? "intset" : "hashtable";
    }

    /** A copy with the same encoding that shares no mutable state (COPY). */
    public RedisValue copy() {
        return new StoredSet(limits, ints == null ? null : ints.clone(), table == null ? null : table.copy(), count);
    }

    @Override
    public int size() {
        return table != null ? table.size() : count;
    }

    @Override
    public boolean contains(byte[] member) {
        if (ints != null) {
            return Numbers.isCanonicalLong(member)
                    && Arrays.binarySearch(ints, 0, count, Numbers.parseLong(member)) >= 0;
        }
        return table.find(member) >= 0;
    }

    @Override
    public boolean add(byte[] member) {
        if (ints != null) {
            if (Numbers.isCanonicalLong(member)) {
                long v = Numbers.parseLong(member);
                int i = Arrays.binarySearch(ints, 0, count, v);
                if (i >= 0) {
                    return false;
                }
                i = -i - 1;
                if (count == ints.length) {
                    ints = Arrays.copyOf(ints, count * 2);
                }
                System.arraycopy(ints, i, ints, i + 1, count - i);
                ints[i] = v;
                count++;
                if (count > Math.min(limits.setMaxIntsetEntries, INTSET_HARD_MAX)) {
                    intsetToTable();
                }
                return true;
            }
            intsetToTable();
            table.appendNew(member, null);
            return true;
        }
        return table.put(member, null);
    }

    @Override
    public boolean remove(byte[] member) {
        if (ints != null) {
            if (!Numbers.isCanonicalLong(member)) {
                return false;
            }
            int i = Arrays.binarySearch(ints, 0, count, Numbers.parseLong(member));
            if (i < 0) {
                return false;
            }
            System.arraycopy(ints, i + 1, ints, i, count - i - 1);
            count--;
            return true;
        }
        return table.remove(member);
    }

    @Override
    public byte[] memberAt(int position) {
        if (table != null) {
            return table.keyAt(position);
        }
        if (position < 0 || position >= count) {
            throw new IndexOutOfBoundsException(position);
        }
        return Numbers.toBytes(ints[position]);
    }

    @Override
    public void forEach(Consumer<byte[]> action) {
        if (ints != null) {
            for (int i = 0; i < count; i++) {
                action.accept(Numbers.toBytes(ints[i]));
            }
        } else {
            for (int i = 0, n = table.size(); i < n; i++) {
                action.accept(table.keyAt(i));
            }
        }
    }

    @Override
    public long scan(long cursor, int count, Consumer<byte[]> out) {
        if (table != null) {
            return table.scan(cursor, count, (k, v) -> out.accept(k));
        }
        // As Redis: an intset is returned whole, whatever the cursor.
        forEach(out);
        return 0;
    }

    private void intsetToTable() {
        ByteTable t = new ByteTable(false, count + 1);
        for (int i = 0; i < count; i++) {
            t.appendNew(Numbers.toBytes(ints[i]), null);
        }
        table = t;
        ints = null;
        count = 0;
    }

    @Override
    public String toString() {
        return "set(" + encoding() + ", " + size() + ")";
    }

    /** dictGetStats of its hash table, into {@code out}; false when it has none (a compact encoding). */
    public boolean hashTableStats(DictStats out) {
        if (table == null) {
            return false;
        }
        table.stats(out);
        return true;
    }
}
