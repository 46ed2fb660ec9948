package io.pyredis.commands.hashes;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.array;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HRANDFIELD and HSCAN; error texts and reply shapes from redis-server 7.0.15. */
class HRandFieldAndScanTest {

    private static final String RANGE = err(
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
    private static final String OUT_OF_RANGE = err("ERR value is out of range");

    private final Harness h = new Harness();

    /** The bulk strings of a reply, in order. */
    private static List<String> bulks(String reply) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\$(\\d+)\r\n").matcher(reply);
        int from = 0;
        while (m.find(from)) {
            int len = Integer.parseInt(m.group(1));
            out.add(reply.substring(m.end(), m.end() + len));
            from = m.end() + len + 2;
        }
        return out;
    }

    @Test
    void countErrorsInRedisOrder() {
        h.call("HSET", "h", "a", "1", "b", "2", "c", "3");
        assertEquals(RANGE, h.call("HRANDFIELD", "h", "-9223372036854775808"));
        assertEquals(RANGE, h.call("HRANDFIELD", "h", "-9223372036854775808", "WITHVALUES"));
        assertEquals(RANGE, h.call("HRANDFIELD", "h", "-9223372036854775808", "withvalue"),
                "the count is checked before the option");
        assertEquals(OUT_OF_RANGE, h.call("HRANDFIELD", "h", "-9223372036854775807", "WITHVALUES"));
        assertEquals(OUT_OF_RANGE, h.call("HRANDFIELD", "h", "-4611686018427387904", "withvalues"));
        assertEquals(OUT_OF_RANGE, h.call("HRANDFIELD", "h", "4611686018427387904", "WITHVALUES"));
        assertEquals(NOT_INTEGER, h.call("HRANDFIELD", "h", "x"));
        assertEquals(NOT_INTEGER, h.call("HRANDFIELD", "h", "x", "withvalue"));
        assertEquals(SYNTAX, h.call("HRANDFIELD", "h", "1", "withvalue"));
        assertEquals(SYNTAX, h.call("HRANDFIELD", "h", "1", "withvalues", "x"));
        h.storeString("s");
        assertEquals(OUT_OF_RANGE, h.call("HRANDFIELD", "s", "4611686018427387904", "WITHVALUES"),
                "range before type");
    }

    @Test
    void hugeRepeatedCountsAreRefusedNotAllocated() {
        h.call("HSET", "h", "a", "1");
        assertEquals(OUT_OF_RANGE, h.call("HRANDFIELD", "h", "-9223372036854775807"));
        assertEquals(OUT_OF_RANGE, h.call("HRANDFIELD", "h", "-4611686018427387903", "WITHVALUES"));
        assertEquals("*0\r\n", h.call("HRANDFIELD", "nokey", "-9223372036854775807"), "no key, nothing to refuse");
        assertEquals(array(bulk("a")), h.call("HRANDFIELD", "h", "9223372036854775807"),
                "a positive count is bounded by the hash");
        assertEquals(array(bulk("a"), bulk("1")), h.call("HRANDFIELD", "h", "4611686018427387903", "WITHVALUES"));
    }

    @Test
    void emptyAndMissing() {
        h.call("HSET", "h", "a", "1");
        assertEquals("*0\r\n", h.call("HRANDFIELD", "h", "0"));
        assertEquals("*0\r\n", h.call("HRANDFIELD", "h", "0", "WITHVALUES"));
        assertEquals("*0\r\n", h.call("HRANDFIELD", "nokey", "5"));
        assertEquals(NIL, h.call("HRANDFIELD", "nokey"));
        assertEquals(bulk("a"), h.call("HRANDFIELD", "h"));
        h.resp3();
        assertEquals("_\r\n", h.call("HRANDFIELD", "nokey"));
    }

    @Test
    void positiveCountsAreDistinctNegativeOnesRepeat() {
        for (int entries : new int[] {512, 0}) {
            h.limits.hashMaxListpackEntries = entries;
            h.db().delete(Harness.b("h"));
            for (int i = 0; i < 50; i++) {
                h.call("HSET", "h", "f" + i, "v" + i);
            }
            for (int count : new int[] {1, 5, 20, 40, 49}) {
                List<String> got = bulks(h.call("HRANDFIELD", "h", Integer.toString(count)));
                assertEquals(count, got.size());
                assertEquals(count, new HashSet<>(got).size(), "distinct");
            }
            assertEquals(50, new HashSet<>(bulks(h.call("HRANDFIELD", "h", "100"))).size());
            List<String> repeated = bulks(h.call("HRANDFIELD", "h", "-1000"));
            assertEquals(1000, repeated.size());
            assertTrue(new HashSet<>(repeated).size() < 1000);
            List<String> pairs = bulks(h.call("HRANDFIELD", "h", "-30", "WITHVALUES"));
            assertEquals(60, pairs.size());
            for (int i = 0; i < 60; i += 2) {
                assertEquals("v" + pairs.get(i).substring(1), pairs.get(i + 1));
            }
        }
    }

    @Test
    void withValuesIsFlatInResp2AndPairsInResp3() {
        h.call("HSET", "h", "a", "1");
        assertEquals(array(bulk("a"), bulk("1")), h.call("HRANDFIELD", "h", "1", "WITHVALUES"));
        assertEquals(array(bulk("a"), bulk("1"), bulk("a"), bulk("1")),
                h.call("HRANDFIELD", "h", "-2", "WITHVALUES"));
        h.resp3();
        assertEquals(array(array(bulk("a"), bulk("1"))), h.call("HRANDFIELD", "h", "1", "WITHVALUES"));
        assertEquals(array(array(bulk("a"), bulk("1")), array(bulk("a"), bulk("1"))),
                h.call("HRANDFIELD", "h", "-2", "withvalues"));
        assertEquals(array(bulk("a")), h.call("HRANDFIELD", "h", "-1"));
    }

    @Test
    void scanArguments() {
        h.call("HSET", "h", "a", "1", "b", "2", "ab", "3");
        String all = array(bulk("0"), array(bulk("a"), bulk("1"), bulk("b"), bulk("2"), bulk("ab"), bulk("3")));
        assertEquals(all, h.call("HSCAN", "h", "0"));
        assertEquals(all, h.call("HSCAN", "h", "-1"), "strtoul wraps negatives");
        assertEquals(all, h.call("HSCAN", "h", "18446744073709551615"));
        assertEquals(all, h.call("HSCAN", "h", "+5"));
        assertEquals(all, h.call("HSCAN", "h", "007"));
        assertEquals(all, h.call("HSCAN", "h", ""), "strtoul reads an empty string as 0");
        assertEquals(all, h.call("HSCAN", "h", "0", "MATCH", "*"));
        for (String bad : new String[] {"x", " 1", "1 ", "18446744073709551616", "+", "1x"}) {
            assertEquals(err("ERR invalid cursor"), h.call("HSCAN", "h", bad), bad);
        }
        assertEquals(SYNTAX, h.call("HSCAN", "h", "0", "COUNT", "0"));
        assertEquals(NOT_INTEGER, h.call("HSCAN", "h", "0", "COUNT", "x"));
        assertEquals(SYNTAX, h.call("HSCAN", "h", "0", "COUNT"));
        assertEquals(SYNTAX, h.call("HSCAN", "h", "0", "TYPE", "string"));
        assertEquals(array(bulk("0"), array(bulk("a"), bulk("1"), bulk("ab"), bulk("3"))),
                h.call("HSCAN", "h", "0", "match", "a*", "count", "1"));
        assertEquals(array(bulk("0"), "*0\r\n"), h.call("HSCAN", "nokey", "0", "COUNT", "0"),
                "options of a missing key are not checked, as in Redis");
        assertEquals(err("ERR invalid cursor"), h.call("HSCAN", "nokey", "x"));
    }

    @Test
    void scanOfAHashtableVisitsEveryField() {
        h.limits.hashMaxListpackEntries = 0;
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            h.call("HSET", "h", "f" + i, "v" + i);
            expected.put("f" + i, "v" + i);
        }
        assertEquals("hashtable", h.encoding("h"));
        Map<String, String> seen = new HashMap<>();
        String cursor = "0";
        int steps = 0;
        do {
            List<String> b = bulks(h.call("HSCAN", "h", cursor, "COUNT", "20"));
            cursor = b.get(0);
            for (int i = 1; i < b.size(); i += 2) {
                seen.put(b.get(i), b.get(i + 1));
            }
            steps++;
        } while (!cursor.equals("0"));
        assertEquals(expected, seen);
        assertTrue(steps > 10, "a step returns about COUNT replies: " + steps);
        Set<String> matched = new HashSet<>();
        cursor = "0";
        do {
            List<String> b = bulks(h.call("HSCAN", "h", cursor, "MATCH", "f1?", "COUNT", "100"));
            cursor = b.get(0);
            for (int i = 1; i < b.size(); i += 2) {
                matched.add(b.get(i));
            }
        } while (!cursor.equals("0"));
        assertEquals(Set.of("f10", "f11", "f12", "f13", "f14", "f15", "f16", "f17", "f18", "f19"), matched);
    }
}
