package io.pyredis.commands.sets;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.array;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.commands.sets.SetCommandsTest.bulks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SScanTest {

    private final Harness h = new Harness();

    @Test
    void intsetsComeBackWhole() {
        h.call("SADD", "i", "3", "1", "2");
        assertEquals(array(bulk("0"), array(bulk("1"), bulk("2"), bulk("3"))), h.call("SSCAN", "i", "0"));
        assertEquals(array(bulk("0"), array(bulk("1"), bulk("2"), bulk("3"))), h.call("SSCAN", "i", "12345"));
        assertEquals(array(bulk("0"), "*0\r\n"), h.call("SSCAN", "nokey", "0"));
        assertEquals(array(bulk("0"), array(bulk("1"))), h.call("SSCAN", "i", "0", "MATCH", "[1]", "COUNT", "1"));
    }

    @Test
    void arguments() {
        h.call("SADD", "s", "a");
        assertEquals(err("ERR invalid cursor"), h.call("SSCAN", "s", "abc"));
        assertEquals(err("ERR invalid cursor"), h.call("SSCAN", "nokey", "abc"), "the cursor is parsed first");
        assertEquals(SYNTAX, h.call("SSCAN", "s", "0", "COUNT", "0"));
        assertEquals(SYNTAX, h.call("SSCAN", "s", "0", "MATCH"));
        assertEquals(NOT_INTEGER, h.call("SSCAN", "s", "0", "COUNT", "1.5"));
        h.call("SADD", "i", "7");
        assertEquals(array(bulk("0"), array(bulk("7"))), h.call("SSCAN", "i", "-1"), "an intset, whatever the cursor");
    }

    @Test
    void hashtableScanSurvivesGrowthBetweenSteps() {
        h.limits.setMaxIntsetEntries = 0;
        for (int i = 0; i < 300; i++) {
            h.call("SADD", "s", "m" + i);
        }
        assertEquals("hashtable", h.encoding("s"));
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int round = 0;
        do {
            List<String> b = bulks(h.call("SSCAN", "s", cursor, "COUNT", "7"));
            cursor = b.get(0);
            seen.addAll(b.subList(1, b.size()));
            for (int i = 0; i < 50; i++) {
                h.call("SADD", "s", "grow" + round + "-" + i);
            }
            round++;
        } while (!cursor.equals("0"));
        for (int i = 0; i < 300; i++) {
            assertTrue(seen.contains("m" + i), "m" + i);
        }
    }
}
