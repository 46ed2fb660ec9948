package io.pyredis.storage.internal;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteTableTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void agreesWithAHashMapUnderRandomPutsAndRemoves() {
        Random r = new Random(42);
        ByteTable t = new ByteTable(true, 0);
        Map<String, String> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            String k = "k" + r.nextInt(5000);
            if (r.nextInt(3) == 0) {
                assertEquals(model.remove(k) != null, t.remove(b(k)));
            } else {
                String v = "v" + step;
                assertEquals(model.put(k, v) == null, t.put(b(k), b(v)));
            }
            if (step % 10_000 == 0) {
                assertSame(model, t);
            }
        }
        assertSame(model, t);
        for (String k : new ArrayList<>(model.keySet())) {
            assertTrue(t.remove(b(k)));
        }
        assertEquals(0, t.size());
        assertEquals(4, t.buckets(), "an emptied table shrinks back");
        assertEquals(-1, t.find(b("k1")));
    }

    private static void assertSame(Map<String, String> model, ByteTable t) {
        assertEquals(model.size(), t.size());
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            seen.put(s(t.keyAt(i)), s(t.valueAt(i)));
            assertEquals(i, t.find(t.keyAt(i)), "positions and index agree");
        }
        assertEquals(model, seen);
    }

    @Test
    void scanReturnsEveryStableEntryWhileTheTableGrowsAndShrinks() {
        ByteTable t = new ByteTable(false, 0);
        for (int i = 0; i < 1000; i++) {
            t.put(b("stable" + i), null);
        }
        Set<ByteBuffer> seen = new HashSet<>();
        long cursor = 0;
        int round = 0;
        do {
            cursor = t.scan(cursor, 10, (k, v) -> seen.add(ByteBuffer.wrap(k)));
            // Grow hard, then shrink back, between steps.
            if (round < 20) {
                for (int i = 0; i < 500; i++) {
                    t.put(b("extra" + round + "-" + i), null);
                }
            } else {
                for (int j = 0; j < 20; j++) {
                    for (int i = 0; i < 500; i++) {
                        t.remove(b("extra" + j + "-" + i));
                    }
                }
            }
            round++;
        } while (cursor != 0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.contains(ByteBuffer.wrap(b("stable" + i))), "stable" + i);
        }
    }

    @Test
    void scanOfAnUnchangedTableReturnsEachEntryOnce() {
        ByteTable t = new ByteTable(true, 0);
        for (int i = 0; i < 777; i++) {
            t.put(b("f" + i), b("v" + i));
        }
        List<String> seen = new ArrayList<>();
        long cursor = 0;
        int steps = 0;
        do {
            cursor = t.scan(cursor, 50, (k, v) -> seen.add(s(k) + "=" + s(v)));
            steps++;
        } while (cursor != 0);
        assertEquals(777, seen.size());
        assertEquals(777, new HashSet<>(seen).size());
        assertTrue(seen.contains("f5=v5"));
        assertTrue(steps > 5, "COUNT bounds a step: " + steps);
    }

    @Test
    void copyIsIndependent() {
        ByteTable t = new ByteTable(true, 0);
        t.put(b("a"), b("1"));
        ByteTable c = t.copy();
        c.put(b("b"), b("2"));
        c.put(b("a"), b("x"));
        assertEquals(1, t.size());
        assertArrayEquals(b("1"), t.valueAt(t.find(b("a"))));
        assertEquals(2, c.size());
        assertFalse(t.remove(b("b")));
    }
}
