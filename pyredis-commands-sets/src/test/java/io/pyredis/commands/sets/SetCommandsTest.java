package io.pyredis.commands.sets;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.array;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The set commands; expected replies and error texts from redis-server 7.0.15. */
class SetCommandsTest {

    private static final String RANGE = err(
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
    private static final String POSITIVE = err("ERR value is out of range, must be positive");

    private final Harness h = new Harness();

    /** The bulk strings of a reply, in order. */
    static List<String> bulks(String reply) {
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

    private Set<String> members(String key) {
        return new HashSet<>(bulks(h.call("SMEMBERS", key)));
    }

    @Test
    void addRemoveAndMembership() {
        assertEquals(integer(3), h.call("SADD", "s", "a", "b", "a", "c"));
        assertEquals(integer(0), h.call("SADD", "s", "a"));
        assertEquals(integer(3), h.call("SCARD", "s"));
        assertEquals(integer(0), h.call("SCARD", "nokey"));
        assertEquals(integer(1), h.call("SISMEMBER", "s", "a"));
        assertEquals(integer(0), h.call("SISMEMBER", "s", "z"));
        assertEquals(integer(0), h.call("SISMEMBER", "nokey", "z"));
        assertEquals(array(integer(1), integer(0), integer(1)), h.call("SMISMEMBER", "s", "a", "z", "c"));
        assertEquals(array(integer(0), integer(0)), h.call("SMISMEMBER", "nokey", "a", "b"));
        assertEquals(array(bulk("a"), bulk("b"), bulk("c")), h.call("SMEMBERS", "s"));
        assertEquals(integer(2), h.call("SREM", "s", "a", "z", "b"));
        assertEquals(integer(1), h.call("SREM", "s", "c", "c"));
        assertFalse(h.exists("s"), "an emptied set is deleted");
        assertEquals(integer(0), h.call("SREM", "s", "c"));
        assertEquals("*0\r\n", h.call("SMEMBERS", "nokey"));
    }

    @Test
    void resp3RepliesAreSets() {
        h.resp3();
        h.call("SADD", "s", "1", "2");
        assertEquals("~2\r\n" + bulk("1") + bulk("2"), h.call("SMEMBERS", "s"));
        assertEquals("~0\r\n", h.call("SMEMBERS", "nokey"));
        assertEquals("~2\r\n" + bulk("1") + bulk("2"), h.call("SUNION", "s", "nokey"));
        assertEquals("~0\r\n", h.call("SINTER", "s", "nokey"));
        assertEquals("~0\r\n", h.call("SDIFF", "nokey", "s"));
        assertEquals("~0\r\n", h.call("SPOP", "nokey", "2"));
        assertEquals("*0\r\n", h.call("SRANDMEMBER", "nokey", "2"), "SRANDMEMBER replies an array");
        assertEquals("*2\r\n" + bulk("1") + bulk("2"), h.call("SRANDMEMBER", "s", "5"));
        assertEquals("_\r\n", h.call("SPOP", "nokey"));
        assertEquals("_\r\n", h.call("SRANDMEMBER", "nokey"));
        assertEquals("~2\r\n" + bulk("1") + bulk("2"), h.call("SPOP", "s", "10"));
        assertFalse(h.exists("s"));
    }

    @Test
    void wrongType() {
        h.storeString("str");
        h.call("SADD", "s", "a");
        for (String[] c : new String[][] {
                {"SADD", "str", "a"}, {"SREM", "str", "a"}, {"SMEMBERS", "str"}, {"SISMEMBER", "str", "a"},
                {"SMISMEMBER", "str", "a"}, {"SCARD", "str"}, {"SPOP", "str"}, {"SPOP", "str", "0"},
                {"SRANDMEMBER", "str"}, {"SRANDMEMBER", "str", "0"}, {"SINTER", "s", "str"},
                {"SINTER", "nokey", "str"}, {"SINTERCARD", "2", "nokey", "str"}, {"SINTERSTORE", "d", "nokey", "str"},
                {"SUNION", "s", "str"}, {"SUNIONSTORE", "d", "str"}, {"SDIFF", "nokey", "str"},
                {"SDIFFSTORE", "d", "s", "str"}, {"SSCAN", "str", "0"}, {"SMOVE", "s", "str", "a"},
                {"SMOVE", "str", "s", "a"}, {"SMOVE", "str", "nokey", "a"}}) {
            assertEquals(WRONGTYPE, h.call(c), String.join(" ", c));
        }
        assertEquals(integer(0), h.call("SMOVE", "nokey", "str", "a"), "a missing source answers first");
        assertEquals(POSITIVE, h.call("SPOP", "str", "-1"), "the count is checked before the type");
        assertEquals(integer(1), h.call("SINTERSTORE", "str", "s"), "a destination of any type is replaced");
        assertEquals(Set.of("a"), members("str"));
    }

    @Test
    void spop() {
        h.call("SADD", "s", "a", "b", "c", "d", "e");
        Set<String> popped = new HashSet<>(bulks(h.call("SPOP", "s", "2")));
        assertEquals(2, popped.size());
        assertEquals(integer(3), h.call("SCARD", "s"));
        String one = bulks(h.call("SPOP", "s")).get(0);
        assertFalse(popped.contains(one));
        assertEquals(integer(2), h.call("SCARD", "s"));
        assertEquals("*0\r\n", h.call("SPOP", "s", "0"));
        assertEquals("*0\r\n", h.call("SPOP", "nokey", "5"));
        assertEquals(NIL, h.call("SPOP", "nokey"));
        assertEquals(POSITIVE, h.call("SPOP", "s", "-1"));
        assertEquals(POSITIVE, h.call("SPOP", "s", "x"));
        assertEquals(POSITIVE, h.call("SPOP", "s", "-9223372036854775808"));
        assertEquals(SYNTAX, h.call("SPOP", "s", "1", "2"));
        Set<String> rest = new HashSet<>(bulks(h.call("SPOP", "s", "9223372036854775807")));
        assertEquals(2, rest.size());
        rest.addAll(popped);
        rest.add(one);
        assertEquals(Set.of("a", "b", "c", "d", "e"), rest);
        assertFalse(h.exists("s"));
        h.call("SADD", "t", "x");
        assertEquals(bulk("x"), h.call("SPOP", "t"));
        assertFalse(h.exists("t"));
    }

    @Test
    void srandmember() {
        assertEquals(RANGE, h.call("SRANDMEMBER", "nokey", "-9223372036854775808"));
        h.call("SADD", "s", "a");
        assertEquals(RANGE, h.call("SRANDMEMBER", "s", "-9223372036854775808"));
        assertEquals(SYNTAX, h.call("SRANDMEMBER", "s", "-9223372036854775807", "x"), "syntax before the count");
        assertEquals(NOT_INTEGER, h.call("SRANDMEMBER", "s", "x"));
        assertEquals(err("ERR value is out of range"), h.call("SRANDMEMBER", "s", "-9223372036854775807"),
                "a reply with repeats this long is refused, not allocated");
        assertEquals("*0\r\n", h.call("SRANDMEMBER", "s", "0"));
        assertEquals(array(bulk("a")), h.call("SRANDMEMBER", "s", "9223372036854775807"));
        assertEquals(array(bulk("a"), bulk("a"), bulk("a")), h.call("SRANDMEMBER", "s", "-3"));
        assertEquals(bulk("a"), h.call("SRANDMEMBER", "s"));
        assertEquals(NIL, h.call("SRANDMEMBER", "nokey"));
        for (String enc : new String[] {"intset", "hashtable"}) {
            h.db().delete(Harness.b("r"));
            for (int i = 0; i < 100; i++) {
                h.call("SADD", "r", enc.equals("intset") ? Integer.toString(i) : "m" + i);
            }
            assertEquals(enc, h.encoding("r"));
            for (int count : new int[] {1, 10, 34, 90, 99}) {
                List<String> got = bulks(h.call("SRANDMEMBER", "r", Integer.toString(count)));
                assertEquals(count, got.size());
                assertEquals(count, new HashSet<>(got).size(), "distinct");
            }
            List<String> repeats = bulks(h.call("SRANDMEMBER", "r", "-500"));
            assertEquals(500, repeats.size());
            assertTrue(new HashSet<>(repeats).size() < 500);
            assertEquals(100, new HashSet<>(bulks(h.call("SRANDMEMBER", "r", "100"))).size());
        }
    }

    @Test
    void smove() {
        h.call("SADD", "src", "a", "b");
        h.call("SADD", "dst", "x");
        assertEquals(integer(1), h.call("SMOVE", "src", "dst", "a"));
        assertEquals(Set.of("a", "x"), members("dst"));
        assertEquals(integer(0), h.call("SMOVE", "src", "dst", "zz"));
        assertEquals(integer(1), h.call("SMOVE", "src", "src", "b"), "same key: membership");
        assertEquals(integer(0), h.call("SMOVE", "src", "src", "zz"));
        assertEquals(integer(1), h.call("SMOVE", "src", "new", "b"));
        assertFalse(h.exists("src"), "an emptied source is deleted");
        assertEquals(Set.of("b"), members("new"));
        h.call("SADD", "src2", "x");
        assertEquals(integer(1), h.call("SMOVE", "src2", "dst", "x"), "already in the destination");
        assertEquals(Set.of("a", "x"), members("dst"));
    }

    @Test
    void algebra() {
        h.call("SADD", "s1", "a", "b", "c", "d");
        h.call("SADD", "s2", "b", "c", "e");
        h.call("SADD", "s3", "c", "d", "f");
        assertEquals(Set.of("c"), new HashSet<>(bulks(h.call("SINTER", "s1", "s2", "s3"))));
        assertEquals(Set.of("b", "c"), new HashSet<>(bulks(h.call("SINTER", "s1", "s2"))));
        assertEquals("*0\r\n", h.call("SINTER", "s1", "nokey"));
        assertEquals(Set.of("a", "b", "c", "d", "e", "f"), new HashSet<>(bulks(h.call("SUNION", "s1", "s2", "s3"))));
        assertEquals(Set.of("a"), new HashSet<>(bulks(h.call("SDIFF", "s1", "s2", "s3"))));
        assertEquals(Set.of("a", "b", "c", "d"), new HashSet<>(bulks(h.call("SDIFF", "s1", "nokey"))));
        assertEquals("*0\r\n", h.call("SDIFF", "s1", "s1"));
        assertEquals(integer(2), h.call("SINTERSTORE", "d", "s1", "s2"));
        assertEquals(Set.of("b", "c"), members("d"));
        assertEquals(integer(6), h.call("SUNIONSTORE", "d", "s1", "s2", "s3"));
        assertEquals(integer(1), h.call("SDIFFSTORE", "d", "s1", "s2", "s3"));
        assertEquals(Set.of("a"), members("d"));
        assertEquals(integer(0), h.call("SDIFFSTORE", "d", "s1", "s1"));
        assertFalse(h.exists("d"), "an empty result deletes the destination");
        assertEquals(integer(0), h.call("SINTERSTORE", "s1", "s1", "nokey"));
        assertFalse(h.exists("s1"));
        assertEquals(integer(3), h.call("SUNIONSTORE", "s2", "s2"));
        assertEquals(integer(5), h.call("SUNIONSTORE", "s2", "s2", "s3"), "the destination may be a source");
    }

    @Test
    void storeTakesTheExpiryAway() {
        h.call("SADD", "s1", "a");
        h.db().set(Harness.b("d"), h.db().createSet(), h.clock.millis() + 10_000);
        h.call("SUNIONSTORE", "d", "s1");
        assertEquals(-1, h.pttl("d"));
    }

    @Test
    void resultsTakeTheEncodingOfTheAddPath() {
        h.call("SADD", "i1", "1", "2", "3");
        h.call("SADD", "i2", "2", "3", "4");
        h.call("SADD", "m", "2", "x");
        assertEquals("intset", h.encoding("i1"));
        assertEquals("hashtable", h.encoding("m"));
        h.call("SINTERSTORE", "d", "i1", "m");
        assertEquals("intset", h.encoding("d"), "the intersection of a hashtable holds only integers");
        h.call("SUNIONSTORE", "d", "i1", "m");
        assertEquals("hashtable", h.encoding("d"));
        h.call("SDIFFSTORE", "d", "m", "i1");
        assertEquals("hashtable", h.encoding("d"), "x is left");
        h.call("SDIFFSTORE", "d", "i2", "m");
        assertEquals("intset", h.encoding("d"), "3 and 4 are left");
        h.limits.setMaxIntsetEntries = 3;
        h.call("SUNIONSTORE", "d", "i1", "i2");
        assertEquals("hashtable", h.encoding("d"), "4 integers past set-max-intset-entries 3");
        h.call("SMOVE", "i1", "moved", "1");
        assertEquals("intset", h.encoding("moved"));
    }

    @Test
    void sintercard() {
        h.call("SADD", "s1", "a", "b", "c");
        h.call("SADD", "s2", "b", "c", "d");
        assertEquals(integer(2), h.call("SINTERCARD", "2", "s1", "s2"));
        assertEquals(integer(1), h.call("SINTERCARD", "2", "s1", "s2", "LIMIT", "1"));
        assertEquals(integer(2), h.call("SINTERCARD", "2", "s1", "s2", "limit", "0"));
        assertEquals(integer(3), h.call("SINTERCARD", "1", "s1"));
        assertEquals(integer(0), h.call("SINTERCARD", "2", "s1", "nokey"));
        String numkeys = err("ERR numkeys should be greater than 0");
        assertEquals(numkeys, h.call("SINTERCARD", "0", "s1"));
        assertEquals(numkeys, h.call("SINTERCARD", "-1", "s1"));
        assertEquals(numkeys, h.call("SINTERCARD", "x", "s1"));
        String tooMany = err("ERR Number of keys can't be greater than number of args");
        assertEquals(tooMany, h.call("SINTERCARD", "3", "s1", "s2"));
        assertEquals(tooMany, h.call("SINTERCARD", "9223372036854775807", "s1"));
        String negative = err("ERR LIMIT can't be negative");
        assertEquals(negative, h.call("SINTERCARD", "2", "s1", "s2", "LIMIT", "-1"));
        assertEquals(negative, h.call("SINTERCARD", "2", "s1", "s2", "LIMIT", "x"));
        assertEquals(negative, h.call("SINTERCARD", "2", "s1", "s2", "LIMIT", "9223372036854775808"));
        assertEquals(SYNTAX, h.call("SINTERCARD", "2", "s1", "s2", "LIMIT"));
        assertEquals(SYNTAX, h.call("SINTERCARD", "2", "s1", "s2", "FOO", "1"));
        assertEquals(SYNTAX, h.call("SINTERCARD", "1", "s1", "s2"));
    }

    @Test
    void encodingsThroughCommands() {
        h.call("SADD", "s", "1", "2", "-3");
        assertEquals("intset", h.encoding("s"));
        assertEquals(array(bulk("-3"), bulk("1"), bulk("2")), h.call("SMEMBERS", "s"), "an intset is sorted");
        h.call("SADD", "s", "a");
        assertEquals("hashtable", h.encoding("s"), "Redis 7.0: a string member makes a hashtable");
        h.call("SREM", "s", "a");
        assertEquals("hashtable", h.encoding("s"), "and it stays one");
        h.limits.setMaxIntsetEntries = 3;
        h.call("SADD", "t", "1", "2", "3");
        assertEquals("intset", h.encoding("t"));
        h.call("SADD", "t", "4");
        assertEquals("hashtable", h.encoding("t"), "past set-max-intset-entries");
    }
}
