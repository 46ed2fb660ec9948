package io.pyredis.storage.internal;

import io.pyredis.api.RedisHash;
import io.pyredis.storage.EncodingLimits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hash encodings and their conversion, with Redis 7.0's thresholds. */
class StoredHashTest {

    private final EncodingLimits limits = new EncodingLimits();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void defaultsAreRedis70s() {
        assertEquals(512, limits.hashMaxListpackEntries);
        assertEquals(64, limits.hashMaxListpackValue);
    }

    @Test
    void listpackKeepsInsertionOrderAndPositions() {
        RedisHash h = Collections.newHash(limits);
        assertEquals("listpack", h.encoding());
        assertTrue(h.put(b("a"), b("1")));
        assertTrue(h.put(b("b"), b("2")));
        assertTrue(h.put(b("c"), b("3")));
        assertFalse(h.put(b("a"), b("10")), "an update is not a new field");
        assertEquals("10", s(h.get(b("a"))));
        assertNull(h.get(b("zz")));
        assertTrue(h.remove(b("b")));
        assertFalse(h.remove(b("b")));
        assertEquals(2, h.size());
        assertEquals("a", s(h.fieldAt(0)));
        assertEquals("c", s(h.fieldAt(1)));
        assertEquals("3", s(h.valueAt(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> h.fieldAt(2));
        List<String> all = new ArrayList<>();
        assertEquals(0, h.scan(12345, 1, (f, v) -> all.add(s(f) + "=" + s(v))), "a listpack scans whole");
        assertEquals(List.of("a=10", "c=3"), all);
    }

    @Test
    void convertsPastTheEntryLimit() {
        limits.hashMaxListpackEntries = 3;
        RedisHash h = Collections.newHash(limits);
        for (int i = 0; i < 3; i++) {
            h.put(b("f" + i), b("v"));
        }
        assertEquals("listpack", h.encoding());
        h.put(b("f0"), b("updated"));
        assertEquals("listpack", h.encoding(), "updates do not grow it");
        h.put(b("f3"), b("v"));
        assertEquals("hashtable", h.encoding());
        assertEquals(4, h.size());
        assertEquals("updated", s(h.get(b("f0"))));
        for (int i = 0; i < 4; i++) {
            h.remove(b("f" + i));
        }
        h.put(b("x"), b("y"));
        assertEquals("hashtable", h.encoding(), "never converts back");
    }

    @Test
    void convertsOnALongFieldOrValue() {
        RedisHash h = Collections.newHash(limits);
        h.put(b("f"), b("x".repeat(64)));
        assertEquals("listpack", h.encoding(), "64 bytes is within hash-max-listpack-value");
        h.put(b("f"), b("x".repeat(65)));
        assertEquals("hashtable", h.encoding(), "even an update converts");
        RedisHash g = Collections.newHash(limits);
        g.put(b("k".repeat(65)), b("v"));
        assertEquals("hashtable", g.encoding());
        assertEquals("v", s(g.get(b("k".repeat(65)))));
    }

    @Test
    void limitsAreReadWhenTheHashGrows() {
        RedisHash h = Collections.newHash(limits);
        h.put(b("a"), b("1"));
        limits.hashMaxListpackEntries = 1;
        assertEquals("listpack", h.encoding());
        h.put(b("b"), b("2"));
        assertEquals("hashtable", h.encoding());
    }

    @Test
    void hashtablePositionsCoverEveryField() {
        limits.hashMaxListpackEntries = 0;
        RedisHash h = Collections.newHash(limits);
        for (int i = 0; i < 100; i++) {
            h.put(b("f" + i), b("v" + i));
        }
        assertEquals("hashtable", h.encoding());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < h.size(); i++) {
            assertEquals("v" + s(h.fieldAt(i)).substring(1), s(h.valueAt(i)));
            seen.add(s(h.fieldAt(i)));
        }
        assertEquals(100, seen.size());
    }

    @Test
    void copyHasTheSameEncodingAndIsIndependent() throws Exception {
        for (int entries : new int[] {512, 0}) {
            limits.hashMaxListpackEntries = entries;
            StoredHash h = new StoredHash(limits);
            h.put(b("a"), b("1"));
            RedisHash c = (RedisHash) h.copy();
            assertEquals(h.encoding(), c.encoding());
            c.put(b("a"), b("2"));
            c.put(b("b"), b("3"));
            assertEquals("1", s(h.get(b("a"))));
            assertEquals(1, h.size());
            assertArrayEquals(b("2"), c.get(b("a")));
        }
    }
}
