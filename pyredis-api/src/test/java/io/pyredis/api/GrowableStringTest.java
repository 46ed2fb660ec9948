package io.pyredis.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class GrowableStringTest {

    private static byte[] b(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void growsInPlaceWithRoomToSpare() {
        GrowableString g = GrowableString.of(b("ab"));
        g.append(b("cd"), 0, 2);
        assertEquals(4, g.length());
        assertEquals(8, g.capacity()); // doubled, as sds below 1 MB
        byte[] array = g.array();
        g.append(b("e"), 0, 1);
        assertSame(array, g.array()); // no copy while it fits
        assertArrayEquals(b("abcde"), g.bytes());
        assertEquals("raw", g.encoding());
    }

    @Test
    void growingPadsWithZerosEvenAfterShrinkingWrites() {
        GrowableString g = GrowableString.zeros(1);
        g.writable(3)[2] = 7;
        byte[] p = g.writable(10);
        assertArrayEquals(new byte[] {0, 0, 7, 0, 0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(p, 10));
        assertEquals(10, g.length());
    }

    @Test
    void anArrayHandedOutNeverChanges() {
        GrowableString g = GrowableString.of(b("abc"));
        byte[] out = g.bytes();
        g.writable(3)[0] = 'x';
        assertArrayEquals(b("abc"), out);
        assertArrayEquals(b("xbc"), g.bytes());
        // With room to spare, bytes() is a copy of the value's part.
        g.append(b("d"), 0, 1);
        byte[] copy = g.bytes();
        assertNotSame(g.array(), copy);
        assertArrayEquals(b("xbcd"), copy);
    }

    @Test
    void copiesShareNothing() {
        GrowableString g = GrowableString.of(b("abc"));
        GrowableString c = g.copy();
        c.writable(3)[0] = 'z';
        assertArrayEquals(b("abc"), g.bytes());
        assertArrayEquals(b("zbc"), c.bytes());
        assertSame(g, GrowableString.from(g));
        RedisString plain = RedisString.of("abc");
        GrowableString u = GrowableString.from(plain);
        u.writable(3)[0] = 'q';
        assertArrayEquals(b("abc"), plain.bytes());
    }
}
