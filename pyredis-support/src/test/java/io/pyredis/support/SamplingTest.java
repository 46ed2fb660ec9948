package io.pyredis.support;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingTest {

    @Test
    void distinctPositionsInRange() {
        // Both strategies: few of many (rejection sampling) and many of few (shuffle).
        int[][] cases = {{1000, 3}, {1000, 999}, {10, 1}, {2, 1}, {100, 34}};
        for (int[] c : cases) {
            int[] picks = Sampling.distinct(c[0], c[1]);
            assertEquals(c[1], picks.length);
            Set<Integer> seen = new HashSet<>();
            for (int p : picks) {
                assertTrue(p >= 0 && p < c[0], "in range: " + p);
                assertTrue(seen.add(p), "distinct: " + p);
            }
        }
    }

    @Test
    void everyPositionCanBePicked() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000 && seen.size() < 10; i++) {
            seen.add(Sampling.distinct(10, 1)[0]);
        }
        assertEquals(10, seen.size());
    }
}
