package io.pyredis.api;

/**
 * A sorted set value: distinct binary-safe members ordered by a double score, ties
 * broken by the members' bytes (unsigned, as memcmp), changed in place. Every range
 * command reduces to ranks: find the rank bounds with {@link #rankOfScore} or
 * {@link #rankOfLex}, then read {@link #memberAt}/{@link #scoreAt}. Rank lookups are
 * O(log n).
 *
 * <p>Made by {@link Database#createSortedSet()}; storage picks the encoding
 * ({@code listpack} while within {@code zset-max-listpack-entries}/{@code -value},
 * {@code skiplist} past them). After changing a stored sorted set a command calls
 * {@link Database#modified(byte[])}; an empty one must be deleted.
 *
 * @since 0.1
 */
public interface RedisSortedSet extends RedisValue {

    @Override
    default DataType type() {
        return DataType.ZSET;
    }

    /** The number of members. */
    int size();

    /** The score of {@code member}, or {@code NaN} when it is not there (scores are never NaN). */
    double score(byte[] member);

    /** Adds {@code member} or moves it to {@code score}; whether it was new. {@code score} is not NaN. */
    boolean put(byte[] member, double score);

    /** Removes {@code member}; whether it was there. */
    boolean remove(byte[] member);

    /** The 0-based ascending rank of {@code member}, or -1 when it is not there. */
    long rank(byte[] member);

    /** The member at ascending rank {@code rank} ({@code 0..size-1}). */
    byte[] memberAt(long rank);

    /** The score at ascending rank {@code rank} ({@code 0..size-1}). */
    double scoreAt(long rank);

    /**
     * The rank of the first member whose score is {@code >= score} ({@code > score} when
     * {@code exclusive}); {@code size()} when there is none.
     */
    long rankOfScore(double score, boolean exclusive);

    /**
     * The rank of the first member {@code >= member} in byte order ({@code >} when
     * {@code exclusive}); meaningful when all scores are equal, as ZRANGEBYLEX requires.
     * {@code size()} when there is none.
     */
    long rankOfLex(byte[] member, boolean exclusive);

    /** Removes the members of ascending ranks {@code start..end} inclusive; how many. */
    long removeRange(long start, long end);
}
