package io.pyredis.server.internal.commands;

import io.pyredis.support.Glob;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The glob matcher of CONFIG GET / COMMAND LIST and INFO's byte formatting, against Redis's own results. */
class HelpersTest {

    private static boolean matchNoCase(String pattern, String s) {
        return Glob.matches(pattern.getBytes(StandardCharsets.UTF_8), s.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void globAsRedisStringmatch() {
        assertTrue(matchNoCase("*", "anything"));
        assertTrue(matchNoCase("por?", "port"));
        assertFalse(matchNoCase("por?", "por"));
        assertTrue(matchNoCase("POR*", "port"), "case-insensitive");
        assertTrue(matchNoCase("[pq]ort", "port"));
        assertFalse(matchNoCase("[^p]ort", "port"));
        assertTrue(matchNoCase("[a-z]z", "hz"));
        assertTrue(matchNoCase("[z-a]z", "hz"), "reversed ranges work, as in Redis");
        assertTrue(matchNoCase("client\\|*", "client|list"));
        assertTrue(matchNoCase("a\\*b", "a*b"));
        assertFalse(matchNoCase("a\\*b", "axb"));
        assertTrue(matchNoCase("*-*-*", "client-query-buffer-limit"));
        assertFalse(matchNoCase("get", "getex"));
        assertTrue(matchNoCase("get*", "get"));
        assertTrue(matchNoCase("**a", "bba"));
    }

    @Test
    void bytesToHumanAsRedis() {
        // Values and texts from a Redis 7.0.15 INFO memory.
        assertEquals("991.92K", InfoCommand.bytesToHuman(1015728));
        assertEquals("1.30M", InfoCommand.bytesToHuman(1358880));
        assertEquals("6.97M", InfoCommand.bytesToHuman(7311360));
        assertEquals("23.54G", InfoCommand.bytesToHuman(25276514304L));
        assertEquals("32.00K", InfoCommand.bytesToHuman(32768));
        assertEquals("200B", InfoCommand.bytesToHuman(200));
        assertEquals("0B", InfoCommand.bytesToHuman(0));
    }
}
