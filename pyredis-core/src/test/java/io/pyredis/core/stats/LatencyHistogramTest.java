package io.pyredis.core.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The histogram gives hdr_histogram's figures (lowest 1, highest 1e9, 2 significant digits),
 * as Redis shows them: a 1 us call is {@code p50=1.003} in INFO latencystats, a 0 us one
 * {@code p50=0.001}, and LATENCY HISTOGRAM's power-of-two buckets end at 1, 2, 4, 8, 16, 33, 66,
 * 132, ... us.
 */
class LatencyHistogramTest {

    private static List<long[]> buckets(LatencyHistogram h) {
        List<long[]> out = new ArrayList<>();
        long[] prev = {0};
        h.logBuckets(1024, (highest, cumulative) -> {
            if (cumulative > prev[0]) {
                out.add(new long[] {highest / 1000, cumulative});
            }
            prev[0] = cumulative;
        });
        return out;
    }

    @Test
    void percentilesAreHighestEquivalentValues() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1000);
        assertEquals(1003, h.valueAtPercentile(50));
        assertEquals(1000, h.valueAtPercentile(0), "percentile 0 is the lowest equivalent value");
        LatencyHistogram zero = new LatencyHistogram();
        zero.record(0);
        assertEquals(1, zero.valueAtPercentile(99.9), "clamped to the lowest value, 1 ns");
        LatencyHistogram big = new LatencyHistogram();
        big.record(5_000_000_000L);
        // Clamped to 1 s, whose bucket (238 * 2^22 ns on) ends at 1002438655 ns.
        assertEquals(1_002_438_655L, big.valueAtPercentile(100));
    }

    @Test
    void percentilesPickTheRankedValue() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            h.record(i * 1000L);
        }
        assertEquals(100, h.totalCount());
        // 50th of 100 values is 50 us; its bucket (width 256 ns at that magnitude) ends at 50175 ns.
        assertEquals(50175, h.valueAtPercentile(50));
        assertEquals(99327, h.valueAtPercentile(99));
        assertEquals(100351, h.valueAtPercentile(100));
    }

    @Test
    void logBucketsAreCumulativeAtPowersOfTwo() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1000);
        h.record(5000);
        h.record(100_000);
        List<long[]> b = buckets(h);
        assertEquals(3, b.size());
        assertEquals(List.of(1L, 1L), List.of(b.get(0)[0], b.get(0)[1]));
        assertEquals(List.of(8L, 2L), List.of(b.get(1)[0], b.get(1)[1]));
        assertEquals(List.of(132L, 3L), List.of(b.get(2)[0], b.get(2)[1]));
        assertEquals(List.of(), buckets(new LatencyHistogram()));
    }
}
