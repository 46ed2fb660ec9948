package io.pyredis.storage.internal;

import io.pyredis.api.RedisSet;
import io.pyredis.storage.EncodingLimits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The set encodings: intset, listpack, hashtable, and the moves between them. */
class StoredSetTest {

    private final EncodingLimits limits = new EncodingLimits();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> members(RedisSet set) {
        List<String> out = new ArrayList<>();
        set.forEach(m -> out.add(s(m)));
        return out;
    }

    @Test
    void intsetIsSortedAndTakesOnlyCanonicalIntegers() {
        RedisSet set = Collections.newSet(limits);
        assertEquals("intset", set.encoding());
        for (String m : new String[] {"5", "-3", "9223372036854775807", "-9223372036854775808", "0"}) {
            assertTrue(set.add(b(m)));
        }
        assertFalse(set.add(b("5")));
        assertEquals("intset", set.encoding());
        assertEquals(List.of("-9223372036854775808", "-3", "0", "5", "9223372036854775807"), members(set));
        assertTrue(set.contains(b("-3")));
        assertFalse(set.contains(b("05")), "not the canonical form of 5");
        assertFalse(set.contains(b("x")));
        assertFalse(set.remove(b("+5")));
        assertTrue(set.remove(b("5")));
        assertEquals("0", s(set.memberAt(2)));
        assertEquals(0, set.scan(99, 1, m -> { }));
        set.add(b("05"));
        assertEquals("hashtable", set.encoding(), "a non-canonical integer is a string");
        assertTrue(set.contains(b("05")));
        assertTrue(set.contains(b("-3")));
        assertFalse(set.contains(b("5")));
    }

    @Test
    void intsetPastItsLimitBecomesAHashtable() {
        limits.setMaxIntsetEntries = 4;
        RedisSet set = Collections.newSet(limits);
        for (int i = 0; i < 4; i++) {
            set.add(b(Integer.toString(i)));
        }
        assertEquals("intset", set.encoding());
        set.add(b("4"));
        assertEquals("hashtable", set.encoding(), "as Redis: intset overflow goes straight to hashtable");
        assertEquals(5, set.size());
        assertTrue(set.contains(b("3")));
    }

    @Test
    void aNonIntegerMakesAHashtableAtOnceAndRemovalNeverConvertsBack() {
        RedisSet set = Collections.newSet(limits);
        set.add(b("1"));
        set.add(b("2"));
        assertEquals("intset", set.encoding());
        set.add(b("a"));
        assertEquals("hashtable", set.encoding(), "Redis 7.0 has no listpack set: straight to hashtable");
        set.remove(b("a"));
        assertEquals("hashtable", set.encoding(), "only integers left, but no way back");
        assertEquals(Set.of("1", "2"), new HashSet<>(members(set)));
        RedisSet str = Collections.newSet(new EncodingLimits());
        str.add(b("x"));
        assertEquals("hashtable", str.encoding());
        RedisSet notCanonical = Collections.newSet(new EncodingLimits());
        notCanonical.add(b("01"));
        assertEquals("hashtable", notCanonical.encoding(), "01 is not an integer's canonical form");
    }

    @Test
    void hashtableAgreesWithAModel() {
        limits.setMaxIntsetEntries = 0;
        RedisSet set = Collections.newSet(limits);
        Set<String> model = new HashSet<>();
        Random r = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String m = "m" + r.nextInt(2000);
            if (r.nextBoolean()) {
                assertEquals(model.add(m), set.add(b(m)));
            } else {
                assertEquals(model.remove(m), set.remove(b(m)));
            }
        }
        assertEquals("hashtable", set.encoding());
        Set<String> byPosition = new HashSet<>();
        for (int i = 0; i < set.size(); i++) {
            byPosition.add(s(set.memberAt(i)));
        }
        assertEquals(model, byPosition);
        assertEquals(model, new HashSet<>(members(set)));
    }

    @Test
    void copyKeepsTheEncoding() {
        for (String first : new String[] {"1", "a"}) {
            StoredSet set = new StoredSet(limits);
            set.add(b(first));
            RedisSet c = (RedisSet) set.copy();
            assertEquals(set.encoding(), c.encoding());
            c.add(b("z"));
            assertFalse(set.contains(b("z")));
        }
    }
}
