package io.pyredis.storage.internal;

import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.EncodingLimits;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A hash: {@code listpack} (fields and values interleaved in one flat array, searched
 * linearly, in insertion order) while within {@code hash-max-listpack-entries} and
 * {@code hash-max-listpack-value}, then {@code hashtable} ({@link ByteTable}) for good,
 * as Redis converts and never converts back. The limits are read when the hash grows,
 * so CONFIG SET applies from the next write on.
 */
final class StoredHash implements RedisHash {

    private final EncodingLimits limits;
    /** field0, value0, field1, value1, ...; null once converted. */
    private byte[][] pairs;
    private int count;
    private ByteTable table;
    /** While a listpack from an RDB file is loaded: rdb.c checks only its entry count, not its lengths. */
    boolean ignoreValueLimit;

    StoredHash(EncodingLimits limits) {
        this.limits = limits;
        this.pairs = new byte[8][];
    }

    private StoredHash(EncodingLimits limits, byte[][] pairs, int count, ByteTable table) {
        this.limits = limits;
        this.pairs = pairs;
        this.count = count;
        this.table = table;
    }

    @Override
    public String encoding() {
        return table == null ? "listpack" : "hashtable";
    }

    /** A copy with the same encoding that shares no mutable state (COPY). */
    public RedisValue copy() {
        return table == null
                ? new StoredHash(limits, pairs.clone(), count, null)
                : new StoredHash(limits, null, 0, table.copy());
    }

    @Override
    public int size() {
        return table == null ? count : table.size();
    }

    @Override
    public byte[] get(byte[] field) {
        if (table != null) {
            int i = table.find(field);
            return i < 0 ? null : table.valueAt(i);
        }
        int i = indexOf(field);
        return i < 0 ? null : pairs[i + 1];
    }

    @Override
    public boolean contains(byte[] field) {
        return table != null ? table.find(field) >= 0 : indexOf(field) >= 0;
    }

    @Override
    public boolean put(byte[] field, byte[] value) {
        if (table == null) {
            int max = ignoreValueLimit ? Integer.MAX_VALUE : limits.hashMaxListpackValue;
            if (field.length > max || value.length > max) {
                convert();
            } else {
                int i = indexOf(field);
                if (i >= 0) {
                    pairs[i + 1] = value;
                    return false;
                }
                if (count + 1 > limits.hashMaxListpackEntries) {
                    convert();
                } else {
                    int at = count * 2;
                    if (at + 2 > pairs.length) {
                        pairs = Arrays.copyOf(pairs, Math.max(8, pairs.length * 2));
                    }
                    pairs[at] = field;
                    pairs[at + 1] = value;
                    count++;
                    return true;
                }
            }
        }
        return table.put(field, value);
    }

    @Override
    public boolean remove(byte[] field) {
        if (table != null) {
            return table.remove(field);
        }
        int i = indexOf(field);
        if (i < 0) {
            return false;
        }
        int end = count * 2;
        System.arraycopy(pairs, i + 2, pairs, i, end - i - 2);
        pairs[end - 2] = null;
        pairs[end - 1] = null;
        count--;
        return true;
    }

    @Override
    public byte[] fieldAt(int position) {
        if (table != null) {
            return table.keyAt(position);
        }
        checkPosition(position);
        return pairs[position * 2];
    }

    @Override
    public byte[] valueAt(int position) {
        if (table != null) {
            return table.valueAt(position);
        }
        checkPosition(position);
        return pairs[position * 2 + 1];
    }

    @Override
    public void forEach(BiConsumer<byte[], byte[]> action) {
        if (table != null) {
            for (int i = 0, n = table.size(); i < n; i++) {
                action.accept(table.keyAt(i), table.valueAt(i));
            }
            return;
        }
        for (int i = 0, n = count * 2; i < n; i += 2) {
            action.accept(pairs[i], pairs[i + 1]);
        }
    }

    @Override
    public long scan(long cursor, int count, BiConsumer<byte[], byte[]> out) {
        if (table != null) {
            return table.scan(cursor, count, out::accept);
        }
        // As Redis: a listpack is returned whole, whatever the cursor.
        forEach(out);
        return 0;
    }

    private int indexOf(byte[] field) {
        byte[][] p = pairs;
        for (int i = 0, n = count * 2; i < n; i += 2) {
            if (Arrays.equals(p[i], field)) {
                return i;
            }
        }
        return -1;
    }

    private void checkPosition(int position) {
        if (position < 0 || position >= count) {
            throw new IndexOutOfBoundsException(position);
        }
    }

    private void convert() {
        ByteTable t = new ByteTable(true, count + 1);
        for (int i = 0, n = count * 2; i < n; i += 2) {
            t.appendNew(pairs[i], pairs[i + 1]);
        }
        table = t;
        pairs = null;
        count = 0;
    }

    @Override
    public String toString() {
        return "hash(" + encoding() + ", " + size() + ")";
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
