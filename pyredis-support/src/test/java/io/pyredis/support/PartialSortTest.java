package io.pyredis.support;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PartialSortTest {

    /** Whatever the input, the wanted ranks hold what a full sort puts there. */
    @Test
    void wantedRanksAreSorted() {
        Random rnd = new Random(42);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + rnd.nextInt(300);
            Integer[] a = new Integer[n];
            for (int i = 0; i < n; i++) {
                a[i] = rnd.nextInt(round % 2 == 0 ? 1_000_000 : 5); // distinct-ish, then many ties
            }
            Integer[] sorted = a.clone();
            Arrays.sort(sorted);
            int l = rnd.nextInt(n);
            int r = l + rnd.nextInt(n - l);
            PartialSort.sort(a, Comparator.naturalOrder(), l, r);
            assertArrayEquals(Arrays.copyOfRange(sorted, l, r + 1), Arrays.copyOfRange(a, l, r + 1),
                    "n=" + n + " range " + l + ".." + r);
        }
    }

    /**
     * Ties come out in pqsort's order, not a stable one: the elements that Redis 7.0.15's own
     * pqsort.c leaves at the wanted ranks, for keys with many ties (record-pqsort.c).
     */
    @Test
    void tiesAsRedisPqsortLeavesThem() throws IOException {
        int cases = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PartialSortTest.class.getResourceAsStream("/pqsort-redis-7.0.15.txt"), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(" ");
                int l = Integer.parseInt(f[0]);
                int rr = Integer.parseInt(f[1]);
                String[] keys = f[2].split(",");
                int[][] a = new int[keys.length][];
                for (int i = 0; i < keys.length; i++) {
                    a[i] = new int[] {Integer.parseInt(keys[i]), i};
                }
                PartialSort.sort(a, Comparator.comparingInt(e -> e[0]), l, rr);
                StringBuilder tags = new StringBuilder();
                for (int i = l; i <= rr; i++) {
                    tags.append(i > l ? "," : "").append(a[i][1]);
                }
                assertEquals(f[3], tags.toString(), line);
                cases++;
            }
        }
        assertEquals(40, cases);
    }
}
