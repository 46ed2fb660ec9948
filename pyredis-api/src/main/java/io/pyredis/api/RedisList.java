package io.pyredis.api;

/**
 * A list value: a sequence of binary-safe elements, changed in place. Indexes are
 * 0-based and already normalised by the caller (Redis's negative indexes are a command
 * concern); an index out of {@code [0, size)} throws {@link IndexOutOfBoundsException}.
 *
 * <p>Made by {@link Database#createList()}; storage picks the encoding (a compact one
 * while small, as Redis's listpack, a general one past {@code list-max-listpack-size})
 * and reports it through {@link #encoding()}. After changing a stored list a command
 * calls {@link Database#modified(byte[])}; a list left empty must be deleted, as Redis
 * never keeps empty collections.
 *
 * @since 0.1
 */
public interface RedisList extends RedisValue {

    @Override
    default DataType type() {
        return DataType.LIST;
    }

    /** The number of elements. */
    int size();

    /** The element at {@code index}. O(1). */
    byte[] get(int index);

    /** Replaces the element at {@code index}. */
    void set(int index, byte[] element);

    /** Adds {@code element} at the head ({@code head}) or the tail. Amortised O(1). */
    void push(boolean head, byte[] element);

    /** Removes and returns the head ({@code head}) or tail element, {@code null} when empty. O(1). */
    byte[] pop(boolean head);

    /** Inserts {@code element} so that it ends up at {@code index} ({@code 0..size}). */
    void insert(int index, byte[] element);

    /**
     * Removes up to {@code limit} elements equal to {@code element} (all when
     * {@code limit == 0}), scanning from the tail when {@code fromTail}; returns how many.
     * One pass, as LREM needs.
     */
    int removeEqual(byte[] element, int limit, boolean fromTail);

    /** Keeps only the elements from {@code start} to {@code end} inclusive (an empty range empties the list). */
    void trim(int start, int end);
}
