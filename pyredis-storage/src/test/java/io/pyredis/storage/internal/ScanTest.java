package io.pyredis.storage.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyredis.api.DataType;
import io.pyredis.api.RedisValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScanTest {

    private static final RedisValue V = new RedisValue() {
        @Override
        public DataType type() {
            return DataType.STRING;
        }

        @Override
        public String encoding() {
            return "raw";
        }
    };

    private final KeyspaceState state = new KeyspaceState(1000);
    private final Db db = new Db(0, state);

    private static byte[] k(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void emptyDatabaseEndsAtOnce() {
        assertEquals(0, db.scan(0, 10, key -> {
            throw new AssertionError("no keys");
        }));
    }

    @Test
    void unchangedDatabaseYieldsEveryKeyExactlyOnce() {
        for (int i = 0; i < 5000; i++) {
            db.set(k("k" + i), V);
        }
        Map<String, Integer> seen = new HashMap<>();
        long cursor = 0;
        int steps = 0;
        do {
            cursor = db.scan(cursor, 10, key -> seen.merge(new String(key, UTF_8), 1, Integer::sum));
            steps++;
        } while (cursor != 0);
        assertEquals(5000, seen.size());
        assertTrue(seen.values().stream().allMatch(n -> n == 1));
        assertTrue(steps > 100, "count 10 splits the iteration into many steps");
    }

    @Test
    void expiredKeysAreNotYieldedAndAreReclaimed() {
        for (int i = 0; i < 100; i++) {
            db.set(k("live" + i), V);
            db.set(k("dead" + i), V, 999);
        }
        List<String> seen = new ArrayList<>();
        long cursor = 0;
        do {
            cursor = db.scan(cursor, 7, key -> seen.add(new String(key, UTF_8)));
        } while (cursor != 0);
        assertEquals(100, seen.size());
        assertTrue(seen.stream().allMatch(s -> s.startsWith("live")));
        assertEquals(100, db.size());
        assertEquals(100, state.expiredKeys);
    }

    /**
     * Keys present for the whole iteration are all returned although, between steps, the
     * table grows several times and shrinks again, with steps taken while rehashing.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void keysPresentThroughoutAreReturnedDespiteResizing(long seed) {
        Random rnd = new Random(seed);
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            String s = "stable:" + i;
            stable.add(s);
            db.set(k(s), V);
        }
        List<String> transientKeys = new ArrayList<>();
        int next = 0;
        Set<String> seen = new HashSet<>();
        int startBuckets = db.buckets();
        int maxBuckets = startBuckets;
        int minBucketsAfterPeak = Integer.MAX_VALUE;
        int stepsWhileRehashing = 0;
        long cursor = 0;
        int step = 0;
        do {
            if (step < 60) {
                // Growth phase: up to 40,000 more keys.
                int add = rnd.nextInt(700);
                for (int i = 0; i < add; i++) {
                    String s = "t:" + next++;
                    transientKeys.add(s);
                    db.set(k(s), V);
                }
            } else if (!transientKeys.isEmpty()) {
                // Shrink phase: remove the transient keys again.
                int del = Math.min(transientKeys.size(), rnd.nextInt(1500));
                for (int i = 0; i < del; i++) {
                    String s = transientKeys.remove(transientKeys.size() - 1);
                    assertTrue(db.delete(k(s)));
                }
            }
            // Some reads, as real traffic would do: each moves the rehash along.
            for (int i = 0; i < 5; i++) {
                assertTrue(db.exists(k("stable:" + rnd.nextInt(3000))));
            }
            maxBuckets = Math.max(maxBuckets, db.buckets());
            if (step >= 60) {
                minBucketsAfterPeak = Math.min(minBucketsAfterPeak, db.buckets());
            }
            if (db.isRehashing()) {
                stepsWhileRehashing++;
            }
            cursor = db.scan(cursor, 1 + rnd.nextInt(20), key -> seen.add(new String(key, UTF_8)));
            step++;
        } while (cursor != 0);

        assertTrue(step > 60, "the iteration outlived the growth phase (" + step + " steps)");
        assertTrue(maxBuckets >= startBuckets * 8, "grew: " + startBuckets + " -> " + maxBuckets);
        assertTrue(minBucketsAfterPeak < maxBuckets, "shrank after the peak");
        assertTrue(stepsWhileRehashing > 0, "some steps ran during a rehash");
        for (String s : stable) {
            assertTrue(seen.contains(s), s);
        }
    }

    @Test
    void shrinkingMidIterationKeepsTheGuarantee() {
        for (int i = 0; i < 20_000; i++) {
            db.set(k("x" + i), V);
        }
        for (int i = 0; i < 500; i++) {
            db.set(k("keep" + i), V);
        }
        Set<String> seen = new HashSet<>();
        long cursor = db.scan(0, 100, key -> seen.add(new String(key, UTF_8)));
        int before = db.buckets();
        for (int i = 0; i < 20_000; i++) {
            db.delete(k("x" + i));
        }
        // Let the shrink finish so the rest of the iteration runs on the small table.
        while (db.isRehashing()) {
            db.rehash(100);
        }
        assertTrue(db.buckets() <= before / 8, before + " -> " + db.buckets());
        while (cursor != 0) {
            cursor = db.scan(cursor, 10, key -> seen.add(new String(key, UTF_8)));
        }
        for (int i = 0; i < 500; i++) {
            assertTrue(seen.contains("keep" + i), "keep" + i);
        }
        assertFalse(db.isRehashing());
    }
}
