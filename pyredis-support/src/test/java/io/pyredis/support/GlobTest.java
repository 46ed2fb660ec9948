package io.pyredis.support;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Glob rules. The full table compared with redis-server 7.0.15 runs through KEYS in the
 * keys pack (glob-redis-7.0.15.tsv); these are the rules by name, plus what only the
 * matcher itself can show (case folding, ranges of arrays, cost).
 */
class GlobTest {

    private static boolean m(String pattern, String s) {
        return Glob.matches(pattern.getBytes(StandardCharsets.ISO_8859_1), s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void basics() {
        assertTrue(m("h?llo", "hello"));
        assertTrue(m("h*llo", "heeeello"));
        assertTrue(m("h*llo", "hllo"));
        assertTrue(m("h[ae]llo", "hallo"));
        assertFalse(m("h[ae]llo", "hillo"));
        assertTrue(m("h[^e]llo", "hallo"));
        assertFalse(m("h[^e]llo", "hello"));
        assertTrue(m("h[a-b]llo", "hbllo"));
        assertTrue(m("h[b-a]llo", "hbllo"), "reversed range");
        assertTrue(m("\\*", "*"));
        assertFalse(m("\\*", "a"));
        assertTrue(m("a\\", "a\\"), "trailing backslash is literal");
        assertTrue(m("[\\]]", "]"));
    }

    @Test
    void redisQuirks() {
        assertFalse(m("*", ""), "even * does not match the empty string");
        assertTrue(m("", ""));
        assertTrue(m("[a-]", "]"), "[a-] is the range a..]");
        assertTrue(m("[a-]", "_"));
        assertFalse(m("[a-]", "-"));
        assertTrue(m("[abc", "b"), "unterminated class");
        assertTrue(m("[^", "x"), "[^ alone matches any byte");
        assertFalse(m("[", "["));
        assertFalse(m("[]", "]"));
        assertTrue(m("[^]", "x"));
        assertTrue(m("[\u0080-\u00ff]", "\u00ff"), "bytes are signed: 0x80..0xff is -128..-1");
        assertFalse(m("[\u0080-\u00ff]", "a"));
        assertTrue(m("[a-\u00ff]", "\u00ff"), "a..0xff is -1..97");
        assertTrue(m("[a-\u00ff]", "A"));
        assertFalse(m("[a-\u00ff]", "b"));
    }

    @Test
    void nocase() {
        byte[] p = "H[A-C]*".getBytes(StandardCharsets.US_ASCII);
        assertTrue(Glob.matches(p, "hbx".getBytes(StandardCharsets.US_ASCII), true));
        assertFalse(Glob.matches(p, "hbx".getBytes(StandardCharsets.US_ASCII), false));
        // Redis compares escaped bytes inside a class case-sensitively, even with nocase.
        assertFalse(Glob.matches("[\\A]".getBytes(StandardCharsets.US_ASCII), "a".getBytes(StandardCharsets.US_ASCII),
                true));
        assertTrue(Glob.matches("\\A".getBytes(StandardCharsets.US_ASCII), "a".getBytes(StandardCharsets.US_ASCII),
                true));
    }

    @Test
    void subranges() {
        byte[] p = "xxa*cyy".getBytes(StandardCharsets.US_ASCII);
        byte[] s = "__abbbc__".getBytes(StandardCharsets.US_ASCII);
        assertTrue(Glob.matches(p, 2, 3, s, 2, 5, false));
        assertFalse(Glob.matches(p, 2, 3, s, 2, 4, false));
        assertThrows(IndexOutOfBoundsException.class, () -> Glob.matches(p, 5, 5, s, 0, 1, false));
    }

    @Test
    void starNestingLimitIsRedis() {
        String key = "a".repeat(1100);
        assertTrue(m("*a".repeat(1000), key));
        assertFalse(m("*a".repeat(1001), key));
        assertTrue(m("*a".repeat(1000) + "*", key), "a trailing star is not nested");
        assertFalse(m("*a".repeat(1000) + "*?", key));
    }

    @Test
    void pathologicalPatternsRunInPolynomialTime() {
        // Each would take exponential time with naive recursion.
        String longKey = "a".repeat(100_000);
        assertFalse(m("*?".repeat(50_000), longKey), "over 1000 nested stars: no match, at once");
        assertTrue(m("*?".repeat(1000), longKey));
        assertFalse(m("*?".repeat(1000) + "b", longKey));
        assertFalse(m("a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", longKey));
        assertTrue(m("a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", longKey + "b"));
        assertFalse(m("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", longKey));
    }
}
