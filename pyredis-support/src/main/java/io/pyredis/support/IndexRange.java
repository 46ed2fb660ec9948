package io.pyredis.support;

/**
 * A {@code start stop} pair as LRANGE, LTRIM, ZRANGE and ZREMRANGEBYRANK read it over a
 * value of {@code size} elements: negative indexes count from the end, then start is clamped
 * to the first element and stop to the last; empty when start is past stop or past the end.
 * Clamped before anything is sized by it, so huge indexes allocate nothing.
 *
 * @param first the first index in range
 * @param last  the last index in range (inclusive); below {@code first} when empty
 * @since 0.1
 */
public record IndexRange(long first, long last) {

    private static final IndexRange EMPTY = new IndexRange(0, -1);

    /**
     * The range of {@code start..stop} over {@code size} elements.
     *
     * @since 0.1
     */
    public static IndexRange of(long start, long stop, long size) {
        if (start < 0) {
            start += size;
        }
        if (stop < 0) {
            stop += size;
        }
        if (start < 0) {
            start = 0;
        }
        if (start > stop || start >= size) {
            return EMPTY;
        }
        return new IndexRange(start, Math.min(stop, size - 1));
    }

    /**
     * Whether no element is in range.
     *
     * @since 0.1
     */
    public boolean isEmpty() {
        return last < first;
    }
}
