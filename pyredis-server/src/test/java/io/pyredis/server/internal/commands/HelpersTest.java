package io.pyredis.server.internal.commands;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The glob matcher of CONFIG GET / COMMAND LIST and INFO's byte formatting, against Redis's own results. */
class HelpersTest {

    @Test
    void globAsRedisStringmatch() {
        assertTrue(Glob.matchNoCase("*", ""));
        assertTrue(Glob.matchNoCase("*", "anything"));
        assertTrue(Glob.matchNoCase("por?", "port"));
        assertFalse(Glob.matchNoCase("por?", "por"));
        assertTrue(Glob.matchNoCase("POR*", "port"), "case-insensitive");
        assertTrue(Glob.matchNoCase("[pq]ort", "port"));
        assertFalse(Glob.matchNoCase("[^p]ort", "port"));
        assertTrue(Glob.matchNoCase("[a-z]z", "hz"));
        assertTrue(Glob.matchNoCase("[z-a]z", "hz"), "reversed ranges work, as in Redis");
        assertTrue(Glob.matchNoCase("client\\|*", "client|list"));
        assertTrue(Glob.matchNoCase("a\\*b", "a*b"));
        assertFalse(Glob.matchNoCase("a\\*b", "axb"));
        assertTrue(Glob.matchNoCase("*-*-*", "client-query-buffer-limit"));
        assertFalse(Glob.matchNoCase("get", "getex"));
        assertTrue(Glob.matchNoCase("get*", "get"));
        assertTrue(Glob.matchNoCase("**a", "bba"));
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
