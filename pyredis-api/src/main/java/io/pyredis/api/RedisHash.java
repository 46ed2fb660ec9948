package io.pyredis.api;

import java.util.function.BiConsumer;

/**
 * A hash value: fields mapped to values, both binary-safe, changed in place.
 *
 * <p>Made by {@link Database#createHash()}; storage picks the encoding ({@code listpack}
 * while within {@code hash-max-listpack-entries}/{@code -value}, {@code hashtable} past
 * them). Entries also have positions {@code 0..size-1} for O(1) random picks
 * (HRANDFIELD); positions change when the hash changes. After changing a stored hash a
 * command calls {@link Database#modified(byte[])}; an empty hash must be deleted.
 *
 * @since 0.1
 */
public interface RedisHash extends RedisValue {

    @Override
    default DataType type() {
        return DataType.HASH;
    }

    /** The number of fields. */
    int size();

    /** The value of {@code field}, or {@code null}. */
    byte[] get(byte[] field);

    /** Sets {@code field}; whether it is a new field. */
    boolean put(byte[] field, byte[] value);

    /** Removes {@code field}; whether it was there. */
    boolean remove(byte[] field);

    /** Whether {@code field} is there. */
    default boolean contains(byte[] field) {
        return get(field) != null;
    }

    /** The field at {@code position} ({@code 0..size-1}). */
    byte[] fieldAt(int position);

    /** The value at {@code position} ({@code 0..size-1}). */
    byte[] valueAt(int position);

    /** Every field and value, in storage order. */
    void forEach(BiConsumer<byte[], byte[]> action);

    /**
     * One HSCAN step, with {@link Database#scan}'s guarantee: passes about {@code count}
     * entries and returns the next cursor, 0 at the end. A compact encoding may pass
     * everything at once and return 0, as Redis does.
     */
    long scan(long cursor, int count, BiConsumer<byte[], byte[]> out);
}
