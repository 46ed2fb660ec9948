package io.pyredis.storage.internal;

import io.pyredis.support.Numbers;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.EncodingLimits;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A set in one of three encodings, moving only forwards as it grows (Redis 7.2's rules,
 * the version that gave sets a listpack; Redis 7.0 has intset and hashtable only):
 *
 * <ul>
 *   <li>{@code intset}: a sorted {@code long[]}, while every member is the canonical
 *       decimal form of a 64-bit integer and there are at most
 *       {@code set-max-intset-entries} of them; past that count it becomes a hashtable;</li>
 *   <li>{@code listpack}: a flat array in insertion order, searched linearly, when a
 *       non-integer arrives while the set is within {@code set-max-listpack-entries} and
 *       every member within {@code set-max-listpack-value} bytes;</li>
 *   <li>{@code hashtable}: a {@link ByteTable}, past those limits.</li>
 * </ul>
 */
final class StoredSet implements RedisSet {

    /** Redis caps intsets at 2^30 entries whatever the config says. */
    private static final int INTSET_HARD_MAX = 1 << 30;

    private final EncodingLimits limits;
    private long[] ints;
    private byte[][] members;
    private ByteTable table;
    /** Entries of {@link #ints} or {@link #members}. */
    private int count;

    StoredSet(EncodingLimits limits) {
        this.limits = limits;
        this.ints = new long[4];
    }

    private StoredSet(EncodingLimits limits, long[] ints, byte[][] members, ByteTable table, int count) {
        this.limits = limits;
        this.ints = ints;
        this.members = members;
        this.table = table;
        this.count = count;
    }

    @Override
    public String encoding() {
        return ints != null ? "intset" : members != null ? "listpack" : "hashtable";
    }

    /** A copy with the same encoding that shares no mutable state (COPY). */
    public RedisValue copy() {
        return new StoredSet(limits, ints == null ? null : ints.clone(), members == null ? null : members.clone(),
                table == null ? null : table.copy(), count);
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
        if (members != null) {
            return indexOf(member) >= 0;
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
            int maxValue = limits.setMaxListpackValue;
            if (count < limits.setMaxListpackEntries && member.length <= maxValue
                    && maxIntDigits() <= maxValue) {
                intsetToListpack();
            } else {
                intsetToTable();
                table.appendNew(member, null);
                return true;
            }
        }
        if (members != null) {
            if (indexOf(member) >= 0) {
                return false;
            }
            if (count < limits.setMaxListpackEntries && member.length <= limits.setMaxListpackValue) {
                if (count == members.length) {
                    members = Arrays.copyOf(members, Math.max(4, count * 2));
                }
                members[count++] = member;
                return true;
            }
            listpackToTable();
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
        if (members != null) {
            int i = indexOf(member);
            if (i < 0) {
                return false;
            }
            System.arraycopy(members, i + 1, members, i, count - i - 1);
            members[--count] = null;
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
        return ints != null ? Numbers.toBytes(ints[position]) : members[position];
    }

    @Override
    public void forEach(Consumer<byte[]> action) {
        if (ints != null) {
            for (int i = 0; i < count; i++) {
                action.accept(Numbers.toBytes(ints[i]));
            }
        } else if (members != null) {
            for (int i = 0; i < count; i++) {
                action.accept(members[i]);
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
        // As Redis: a compact set is returned whole, whatever the cursor.
        forEach(out);
        return 0;
    }

    private int indexOf(byte[] member) {
        byte[][] m = members;
        for (int i = 0; i < count; i++) {
            if (Arrays.equals(m[i], member)) {
                return i;
            }
        }
        return -1;
    }

    /** The longest decimal form in the intset: that of its smallest or its largest member. */
    private int maxIntDigits() {
        if (count == 0) {
            return 0;
        }
        return Math.max(digits(ints[0]), digits(ints[count - 1]));
    }

    private static int digits(long v) {
        return Long.toString(v).length();
    }

    private void intsetToListpack() {
        byte[][] m = new byte[Math.max(4, count + 1)][];
        for (int i = 0; i < count; i++) {
            m[i] = Numbers.toBytes(ints[i]);
        }
        members = m;
        ints = null;
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

    private void listpackToTable() {
        ByteTable t = new ByteTable(false, count + 1);
        for (int i = 0; i < count; i++) {
            t.appendNew(members[i], null);
        }
        table = t;
        members = null;
        count = 0;
    }

    @Override
    public String toString() {
        return "set(" + encoding() + ", " + size() + ")";
    }
}
