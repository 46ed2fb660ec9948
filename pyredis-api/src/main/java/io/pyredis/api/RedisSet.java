package io.pyredis.api;

import java.util.function.Consumer;

/**
 * A set value: distinct binary-safe members, changed in place.
 *
 * <p>Made by {@link Database#createSet()}; storage picks the encoding ({@code intset}
 * while every member is an integer and within {@code set-max-intset-entries},
 * else {@code hashtable}, as Redis 7.0). Members also have positions {@code 0..size-1} for O(1) random picks
 * (SPOP, SRANDMEMBER); positions change when the set changes. After changing a stored
 * set a command calls {@link Database#modified(byte[])}; an empty set must be deleted.
 *
 * @since 0.1
 */
public interface RedisSet extends RedisValue {

    @Override
    default DataType type() {
        return DataType.SET;
    }

    /** The number of members. */
    int size();

    /** Whether {@code member} is in the set. */
    boolean contains(byte[] member);

    /** Adds {@code member}; whether it was new. */
    boolean add(byte[] member);

    /** Removes {@code member}; whether it was there. */
    boolean remove(byte[] member);

    /** The member at {@code position} ({@code 0..size-1}). */
    byte[] memberAt(int position);

    /** Every member, in storage order. */
    void forEach(Consumer<byte[]> action);

    /** One SSCAN step, as {@link RedisHash#scan}. */
    long scan(long cursor, int count, Consumer<byte[]> out);
}
