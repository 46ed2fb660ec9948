package io.pyredis.core.stats;

/**
 * One command's latency distribution, laid out as the hdr_histogram Redis 7.0 keeps per
 * command ({@code hdr_init(1, 1000000000, 2)}: values 1 ns to 1 s, two significant digits),
 * so that INFO latencystats' percentiles and LATENCY HISTOGRAM's buckets come out as
 * Redis's. The bucket arithmetic is hdr_histogram.c's with unit magnitude 0.
 */
public final class LatencyHistogram {

    /** Redis's LATENCY_HISTOGRAM_MIN_VALUE and _MAX_VALUE, in nanoseconds. */
    public static final long MIN_VALUE = 1;
    public static final long MAX_VALUE = 1_000_000_000L;

    /** 2 significant digits: 2*10^2 values with single-unit resolution, rounded up to 2^8. */
    private static final int SUB_BUCKET_COUNT_MAGNITUDE = 8;
    private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = SUB_BUCKET_COUNT_MAGNITUDE - 1;
    private static final int SUB_BUCKET_COUNT = 1 << SUB_BUCKET_COUNT_MAGNITUDE;
    private static final int SUB_BUCKET_HALF_COUNT = SUB_BUCKET_COUNT / 2;
    private static final long SUB_BUCKET_MASK = SUB_BUCKET_COUNT - 1;
    private static final int BUCKET_COUNT = bucketsNeeded();
    private static final int COUNTS_LEN = (BUCKET_COUNT + 1) * SUB_BUCKET_HALF_COUNT;

    private final long[] counts = new long[COUNTS_LEN];
    private long totalCount;

    private static int bucketsNeeded() {
        long smallestUntrackable = (long) SUB_BUCKET_COUNT;
        int buckets = 1;
        while (smallestUntrackable <= MAX_VALUE) {
            smallestUntrackable <<= 1;
            buckets++;
        }
        return buckets;
    }

    /** Records one call that took {@code nanos}, clamped to the histogram's range as Redis's updateCommandLatencyHistogram. */
    public void record(long nanos) {
        long v = Math.max(MIN_VALUE, Math.min(MAX_VALUE, nanos));
        counts[countsIndex(v)]++;
        totalCount++;
    }

    /** How many calls were recorded. */
    public long totalCount() {
        return totalCount;
    }

    /** hdr_value_at_percentile: the highest value equivalent to the one at {@code percentile} (0..100). */
    public long valueAtPercentile(double percentile) {
        double requested = Math.min(percentile, 100.0);
        long countAt = (long) (((requested / 100) * totalCount) + 0.5);
        countAt = Math.max(countAt, 1);
        long value = 0;
        long seen = 0;
        for (int i = 0; i < COUNTS_LEN; i++) {
            seen += counts[i];
            if (seen >= countAt) {
                value = valueAtIndex(i);
                break;
            }
        }
        return percentile == 0.0 ? lowestEquivalent(value) : highestEquivalent(value);
    }

    /** Receives the (upper bound, cumulative count) pairs of {@link #logBuckets}. */
    public interface BucketSink {
        void bucket(long highestEquivalentValue, long cumulativeCount);
    }

    /**
     * hdr_histogram's logarithmic iteration (hdr_iter_log_init with {@code firstBucket} and
     * base 2), as Redis's fillCommandCDF walks it: each step's highest equivalent value
     * and cumulative count, every step (Redis keeps those where the count grew).
     */
    public void logBuckets(long firstBucket, BucketSink sink) {
        int index = -1;
        long value = 0;
        long cumulative = 0;
        long highest = 0;
        long level = firstBucket;
        long levelLowest = lowestEquivalent(level);
        while (cumulative < totalCount || (index < COUNTS_LEN && valueAtIndex(index + 1) > levelLowest)) {
            boolean report = false;
            while (true) {
                if (value >= levelLowest) {
                    level *= 2;
                    levelLowest = lowestEquivalent(level);
                    report = true;
                    break;
                }
                index++;
                if (index >= COUNTS_LEN) {
                    report = true;
                    break;
                }
                cumulative += counts[index];
                value = valueAtIndex(index);
                highest = highestEquivalent(value);
            }
            if (report) {
                sink.bucket(highest, cumulative);
            }
        }
    }

    // ---- hdr_histogram.c's index arithmetic (unit magnitude 0) --------------------------

    private static int bucketIndex(long v) {
        return (64 - Long.numberOfLeadingZeros(v | SUB_BUCKET_MASK)) - (SUB_BUCKET_HALF_COUNT_MAGNITUDE + 1);
    }

    private static int subBucketIndex(long v, int bucket) {
        return (int) (v >>> bucket);
    }

    private static int countsIndex(long v) {
        int b = bucketIndex(v);
        int sb = subBucketIndex(v, b);
        return ((b + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + (sb - SUB_BUCKET_HALF_COUNT);
    }

    private static long valueAtIndex(int index) {
        int b = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
        int sb = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (b < 0) {
            sb -= SUB_BUCKET_HALF_COUNT;
            b = 0;
        }
        return (long) sb << b;
    }

    private static long rangeSize(long v) {
        int b = bucketIndex(v);
        int sb = subBucketIndex(v, b);
        return 1L << (sb >= SUB_BUCKET_COUNT ? b + 1 : b);
    }

    private static long lowestEquivalent(long v) {
        int b = bucketIndex(v);
        return (long) subBucketIndex(v, b) << b;
    }

    private static long highestEquivalent(long v) {
        return lowestEquivalent(v) + rangeSize(v) - 1;
    }
}
