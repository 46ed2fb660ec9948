package io.pyredis.support;

import io.pyredis.api.RedisError;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanArgsTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[][] args(String... a) {
        byte[][] out = new byte[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = b(a[i]);
        }
        return out;
    }

    @Test
    void cursorIsReadAsStrtoul() {
        assertEquals(0, ScanArgs.parseCursor(b("")));
        assertEquals(7, ScanArgs.parseCursor(b("007")));
        assertEquals(5, ScanArgs.parseCursor(b("+5")));
        assertEquals(-1L, ScanArgs.parseCursor(b("-1")));
        assertEquals(-1L, ScanArgs.parseCursor(b("18446744073709551615")));
        assertEquals(12, ScanArgs.parseCursor(b("12\0junk")), "C stops reading at NUL");
        for (String bad : new String[] {"x", " 1", "1 ", "-", "+", "1x", "18446744073709551616", "0x10"}) {
            RedisError e = assertThrows(RedisError.class, () -> ScanArgs.parseCursor(b(bad)), bad);
            assertEquals("ERR invalid cursor", e.getMessage());
        }
    }

    @Test
    void optionsInAnyOrderLastWins() {
        ScanArgs s = ScanArgs.parseOptions(args("k", "0", "COUNT", "5", "match", "a*", "count", "3"), 2, false);
        assertEquals(3, s.count());
        assertArrayEquals(b("a*"), s.pattern());
        assertTrue(s.matches(b("ab")));
        assertFalse(s.matches(b("ba")));
        assertNull(s.type());
        assertEquals(2, s.entriesPerStep(2));
    }

    @Test
    void defaultsAndStarPattern() {
        ScanArgs s = ScanArgs.parseOptions(args("0", "MATCH", "*"), 1, false);
        assertEquals(10, s.count());
        assertNull(s.pattern(), "* matches everything, so Redis skips it");
        assertTrue(s.matches(b("anything")));
    }

    @Test
    void typeOnlyWhereAllowed() {
        assertArrayEquals(b("hash"), ScanArgs.parseOptions(args("0", "TYPE", "hash"), 1, true).type());
        assertSame(RedisError.SYNTAX,
                assertThrows(RedisError.class, () -> ScanArgs.parseOptions(args("0", "TYPE", "hash"), 1, false)));
    }

    @Test
    void badOptions() {
        assertSame(RedisError.SYNTAX, assertThrows(RedisError.class,
                () -> ScanArgs.parseOptions(args("0", "COUNT", "0"), 1, false)));
        assertSame(RedisError.NOT_INTEGER, assertThrows(RedisError.class,
                () -> ScanArgs.parseOptions(args("0", "COUNT", "x"), 1, false)));
        assertSame(RedisError.SYNTAX, assertThrows(RedisError.class,
                () -> ScanArgs.parseOptions(args("0", "COUNT"), 1, false)));
        assertSame(RedisError.SYNTAX, assertThrows(RedisError.class,
                () -> ScanArgs.parseOptions(args("0", "NOPE", "1"), 1, true)));
    }
}
