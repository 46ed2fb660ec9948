package io.pyredis.storage.internal;

import io.pyredis.storage.EncodingLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both encodings checked operation by operation against a TreeMap model. */
class SortedSetValueTest {

    /** A model entry ordered as Redis orders a sorted set. */
    private record E(double score, byte[] member) implements Comparable<E> {
        @Override
        public int compareTo(E o) {
            int c = Double.compare(score == 0 ? 0.0 : score, o.score == 0 ? 0.0 : o.score);
            return c != 0 ? c : Arrays.compareUnsigned(member, o.member);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static SortedSetValue newSet(int maxEntries) {
        EncodingLimits limits = new EncodingLimits();
        limits.zsetMaxListpackEntries = maxEntries;
        return new SortedSetValue(limits);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 100000})
    void randomisedAgainstTreeMap(int maxEntries) {
        Random r = new Random(42 + maxEntries);
        SortedSetValue z = newSet(maxEntries);
        TreeMap<E, Boolean> model = new TreeMap<>();
        Map<String, Double> scores = new HashMap<>();
        for (int step = 0; step < 20000; step++) {
            // Few distinct scores so that ties ordered by member bytes are common; members with
            // high bytes so unsigned order matters.
            String m = "" + (char) ('a' + r.nextInt(3)) + (char) (r.nextBoolean() ? 0xE9 : 'z') + r.nextInt(300);
            double score = r.nextInt(10) == 0 ? (r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
                    : r.nextInt(20) - 10 + (r.nextBoolean() ? 0.5 : 0);
            int op = r.nextInt(100);
            if (op < 55) {
                Double old = scores.put(m, score);
                if (old != null) {
                    model.remove(new E(old, b(m)));
                }
                model.put(new E(score, b(m)), true);
                assertEquals(old == null, z.put(b(m), score));
            } else if (op < 80) {
                Double old = scores.remove(m);
                if (old != null) {
                    model.remove(new E(old, b(m)));
                }
                assertEquals(old != null, z.remove(b(m)));
            } else if (op < 83 && model.size() > 0) {
                long start = r.nextInt(model.size());
                long end = start + r.nextInt(5) - 1;
                List<E> all = new ArrayList<>(model.keySet());
                long expected = Math.max(0, Math.min(end, all.size() - 1) - start + 1);
                for (long i = start; i <= Math.min(end, all.size() - 1); i++) {
                    E e = all.get((int) i);
                    model.remove(e);
                    scores.remove(new String(e.member, StandardCharsets.ISO_8859_1));
                }
                assertEquals(expected, z.removeRange(start, end));
            }
            if (step % 97 == 0 || model.size() < 20) {
                check(z, model, r);
            }
        }
        check(z, model, r);
        assertEquals(maxEntries == 100000 ? "listpack" : "skiplist", z.encoding());
    }

    private static void check(SortedSetValue z, TreeMap<E, Boolean> model, Random r) {
        List<E> all = new ArrayList<>(model.keySet());
        assertEquals(all.size(), z.size());
        for (int i = 0; i < all.size(); i++) {
            E e = all.get(i);
            assertArrayEquals(e.member, z.memberAt(i));
            assertEquals(e.score, z.scoreAt(i));
            assertEquals(i, z.rank(e.member));
            assertEquals(e.score, z.score(e.member));
        }
        // Walking backwards uses the rank cursor differently.
        for (int i = all.size() - 1; i >= 0; i--) {
            assertArrayEquals(all.get(i).member, z.memberAt(i));
        }
        assertEquals(-1, z.rank(b("absent")));
        assertTrue(Double.isNaN(z.score(b("absent"))));
        for (int k = 0; k < 5; k++) {
            double s = r.nextInt(8) == 0 ? (r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
                    : r.nextInt(24) - 12 + (r.nextBoolean() ? 0.5 : 0);
            assertEquals(countWhere(all, e -> e.score < s), z.rankOfScore(s, false), "rankOfScore " + s);
            assertEquals(countWhere(all, e -> e.score <= s), z.rankOfScore(s, true), "rankOfScore excl " + s);
        }
    }

    private static long countWhere(List<E> all, java.util.function.Predicate<E> p) {
        return all.stream().filter(p).count();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1000})
    void lexRangesOnEqualScores(int maxEntries) {
        SortedSetValue z = newSet(maxEntries);
        Random r = new Random(7);
        TreeMap<byte[], Boolean> model = new TreeMap<>(Arrays::compareUnsigned);
        for (int i = 0; i < 500; i++) {
            byte[] m = new byte[r.nextInt(4)];
            for (int j = 0; j < m.length; j++) {
                m[j] = (byte) ("ab\u00ff".charAt(r.nextInt(3)));
            }
            assertEquals(model.put(m, true) == null, z.put(m, 0));
        }
        for (byte[] probe : List.of(b(""), b("a"), b("ab"), b("b"), b("\u00ff"), b("\u00ff\u00ff\u00ff\u00ff"), b("ba"))) {
            assertEquals(model.headMap(probe, false).size(), z.rankOfLex(probe, false));
            assertEquals(model.headMap(probe, true).size(), z.rankOfLex(probe, true));
        }
        // Empty member sorts first.
        assertArrayEquals(new byte[0], z.memberAt(0));
    }

    @Test
    void convertsPastTheLimitsAndNeverBack() {
        SortedSetValue z = newSet(3);
        z.put(b("a"), 1);
        z.put(b("b"), 2);
        z.put(b("c"), 3);
        assertEquals("listpack", z.encoding());
        z.put(b("c"), 4);
        assertEquals("listpack", z.encoding(), "an update does not grow the set");
        z.put(b("d"), 4);
        assertEquals("skiplist", z.encoding());
        z.removeRange(0, 3);
        assertEquals(0, z.size());
        assertEquals("skiplist", z.encoding());

        SortedSetValue longMember = newSet(128);
        longMember.put(b("x".repeat(65)), 1);
        assertEquals("skiplist", longMember.encoding());
        SortedSetValue exact = newSet(128);
        exact.put(b("x".repeat(64)), 1);
        assertEquals("listpack", exact.encoding());
    }

    @Test
    void negativeZeroDoesNotReplaceZero() {
        for (int max : new int[] {0, 10}) {
            SortedSetValue z = newSet(max);
            z.put(b("a"), 0.0);
            assertFalse(z.put(b("a"), -0.0));
            assertEquals(0, Double.compare(0.0, z.score(b("a"))));
        }
    }

    @Test
    void removeRangeClampsAndLargeSetsStayConsistent() {
        SortedSetValue z = newSet(0);
        for (int i = 0; i < 10000; i++) {
            z.put(b("m" + i), i % 100);
        }
        assertEquals(0, z.removeRange(20000, 30000));
        assertEquals(100, z.removeRange(-5, 99));
        assertEquals(9900, z.size());
        assertEquals(1, z.scoreAt(0));
        assertEquals(100, z.rankOfScore(2, false));
        assertEquals(9800, z.removeRange(100, Long.MAX_VALUE));
        assertEquals(100, z.size());
    }
}
