package io.pyredis.commands.keys;

import io.pyredis.testkit.Resp;

import io.pyredis.testkit.Harness;

import io.pyredis.api.Database;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.array;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SORT and SORT_RO beyond the Redis-recorded table: RESP3, expiry of looked-up keys, what
 * STORE leaves in the keyspace, the source left alone, and the helpers' own rules.
 */
class SortCommandTest {

    private static final String NOT_DOUBLE = err("ERR One or more scores can't be converted into double");

    private final Harness h = new Harness();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private RedisList list(String key, String... elements) {
        RedisList l = h.db().createList();
        for (String e : elements) {
            l.push(false, b(e));
        }
        h.db().set(b(key), l);
        return l;
    }

    private List<String> elements(String key) {
        RedisList l = h.db().get(b(key), RedisList.class);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new String(l.get(i), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void sortsAListNumericallyAndLeavesItAlone() {
        list("l", "3", "1", "2");
        assertEquals(array(bulk("1"), bulk("2"), bulk("3")), h.call("SORT", "l"));
        assertEquals(List.of("3", "1", "2"), elements("l"));
        assertEquals(array(bulk("3"), bulk("2"), bulk("1")), h.call("SORT_RO", "l", "DESC"));
    }

    @Test
    void resp3RepliesAnArrayWithNullsForMissingGets() {
        list("l", "2", "1");
        h.set("o_1", "one");
        h.resp3();
        assertEquals("*4\r\n" + bulk("one") + bulk("1") + "_\r\n" + bulk("2"),
                h.call("SORT", "l", "GET", "o_*", "GET", "#"));
        assertEquals("*0\r\n", h.call("SORT", "missing"));
        assertEquals(integer(2), h.call("SORT", "l", "STORE", "dst"));
    }

    @Test
    void resp2WritesMissingGetsAsNullBulks() {
        list("l", "1");
        assertEquals(array(NIL), h.call("SORT", "l", "GET", "o_*"));
    }

    @Test
    void expiredWeightAndGetKeysCountAsMissing() {
        list("l", "1", "2", "3");
        h.set("w_1", "30");
        h.set("w_2", "20");
        h.set("w_3", "10");
        h.set("o_3", "three");
        h.db().expireAt(b("w_3"), h.now() + 1000);
        h.db().expireAt(b("o_3"), h.now() + 1000);
        assertEquals(array(bulk("3"), bulk("2"), bulk("1")), h.call("SORT", "l", "BY", "w_*"));
        assertEquals(array(bulk("three"), NIL, NIL), h.call("SORT", "l", "BY", "w_*", "GET", "o_*"));
        h.clock.advance(1001);
        // w_3 is gone: its weight is 0, below 20 and 30.
        assertEquals(array(NIL, NIL, NIL), h.call("SORT", "l", "BY", "w_*", "GET", "o_*"));
        assertEquals(array(bulk("3"), bulk("2"), bulk("1")), h.call("SORT", "l", "BY", "w_*"));
        assertFalse(h.db().exists(b("o_3")));
    }

    @Test
    void anExpiredSourceIsAMissingKey() {
        list("l", "1");
        h.db().expireAt(b("l"), h.now() + 10);
        h.clock.advance(11);
        assertEquals("*0\r\n", h.call("SORT", "l"));
    }

    @Test
    void storeWritesAListThatReplacesAnyValueAndItsTtl() {
        list("l", "b", "c", "a");
        h.db().set(b("dst"), h.db().createHash());
        h.db().get(b("dst"), RedisHash.class).put(b("f"), b("v"));
        h.db().expireAt(b("dst"), h.now() + 60_000);
        assertEquals(integer(3), h.call("SORT", "l", "ALPHA", "STORE", "dst"));
        assertEquals(List.of("a", "b", "c"), elements("dst"));
        assertEquals(-1, h.db().expireAt(b("dst")));
        assertEquals(List.of("b", "c", "a"), elements("l"));
    }

    @Test
    void storeWithGetsStoresEmptyStringsForMissingValues() {
        list("l", "1", "2");
        h.set("o_2", "two");
        assertEquals(integer(4), h.call("SORT", "l", "GET", "o_*", "GET", "#", "STORE", "dst"));
        assertEquals(List.of("", "1", "two", "2"), elements("dst"));
    }

    @Test
    void anEmptyResultDeletesTheDestination() {
        h.set("dst", "x");
        assertEquals(integer(0), h.call("SORT", "nokey", "STORE", "dst"));
        assertFalse(h.db().exists(b("dst")));
        list("l", "1");
        h.set("dst", "x");
        assertEquals(integer(0), h.call("SORT", "l", "LIMIT", "0", "0", "STORE", "dst"));
        assertFalse(h.db().exists(b("dst")));
    }

    @Test
    void sortRoHasNoStore() {
        list("l", "1");
        assertEquals(SYNTAX, h.call("SORT_RO", "l", "STORE", "dst"));
        assertFalse(h.db().exists(b("dst")));
    }

    @Test
    void aScoreErrorStoresNothing() {
        list("l", "1", "x");
        h.set("dst", "keep");
        assertEquals(NOT_DOUBLE, h.call("SORT", "l", "STORE", "dst"));
        assertEquals("keep", h.get(0, "dst"));
    }

    @Test
    void optionErrorsComeBeforeTheTypeCheck() {
        h.set("s", "x");
        assertEquals(WRONGTYPE, h.call("SORT", "s"));
        assertEquals(SYNTAX, h.call("SORT", "s", "LIMIT", "1"));
        assertEquals(Resp.NOT_INTEGER, h.call("SORT", "s", "LIMIT", "1", "z"));
        h.db().set(b("h"), h.db().createHash());
        assertEquals(WRONGTYPE, h.call("SORT_RO", "h"));
    }

    @Test
    void setsAndSortedSetsSortByTheirMembers() {
        RedisSet s = h.db().createSet();
        for (String m : List.of("10", "9", "100", "-1")) {
            s.add(b(m));
        }
        h.db().set(b("s"), s);
        assertEquals(array(bulk("-1"), bulk("9"), bulk("10"), bulk("100")), h.call("SORT", "s"));
        assertEquals(array(bulk("-1"), bulk("10"), bulk("100"), bulk("9")), h.call("SORT", "s", "ALPHA"));
        RedisSortedSet z = h.db().createSortedSet();
        z.put(b("b"), 1);
        z.put(b("a"), 2);
        h.db().set(b("z"), z);
        assertEquals(array(bulk("a"), bulk("b")), h.call("SORT", "z", "ALPHA"));
        assertEquals(array(bulk("b"), bulk("a")), h.call("SORT", "z", "BY", "nosort"));
        assertEquals(array(bulk("a")), h.call("SORT", "z", "BY", "nosort", "DESC", "LIMIT", "0", "1"));
    }

    /** The table's large values really are in the general encodings here too. */
    @Test
    void largeValuesUseTheGeneralEncodings() {
        Database db = h.db();
        RedisSet s = db.createSet();
        RedisHash hash = db.createHash();
        RedisSortedSet z = db.createSortedSet();
        RedisList l = db.createList();
        for (int i = 0; i < 1000; i++) {
            s.add(b("m" + i));
            hash.put(b("f" + i), b("v" + i));
            z.put(b("m" + i), i);
            l.push(false, b(String.format("element-%012d", i)));
        }
        assertEquals("hashtable", s.encoding());
        assertEquals("hashtable", hash.encoding());
        assertEquals("skiplist", z.encoding());
        assertEquals("quicklist", l.encoding());
    }

    @Test
    void strtodReadsAsGlibcDoes() {
        assertEquals(0.0, Strtod.score(new byte[0]));
        assertEquals(7.0, Strtod.score(b("\t\n 7")));
        assertEquals(7.0, Strtod.score(b("7\0junk")));
        assertEquals(16.0, Strtod.score(b("0x10")));
        assertEquals(3.0, Strtod.score(b("0x1.8p1")));
        assertEquals(-3.0, Strtod.score(b("-0X1.8P+1")));
        assertEquals(Double.MIN_VALUE, Strtod.score(b("0x1p-1074")));
        // A subnormal is fine when exact, as the whole decimal expansion of 2^-1074 is...
        assertEquals(Double.MIN_VALUE, Strtod.score(b(new java.math.BigDecimal(Double.MIN_VALUE).toString())));
        // ...but ERANGE when rounded (redis-server 7.0.15 refuses this one too).
        assertTrue(Double.isNaN(Strtod.score(b("4.9406564584124654417656879286822137236505980e-324"))));
        assertEquals(Double.POSITIVE_INFINITY, Strtod.score(b("Infinity")));
        assertEquals(Double.NEGATIVE_INFINITY, Strtod.score(b("-inf")));
        assertEquals(0.5, Strtod.score(b(".5")));
        assertEquals(1.0, Strtod.score(b("1.")));
        assertEquals(1e308, Strtod.score(b("1e308")));
        assertEquals(-0.0, Strtod.score(b("-0e-999999999999")));
        for (String bad : List.of(" ", "x", "1x", "1 ", "0x", "0xg", "1e", "1e+", ".", "-", "+", "nan", "-nan",
                "nan(1)", "infx", "1e309", "-1e309", "1e-400", "1e-99999999999", "4e-324", "1e-310",
                "0x1p-1075", "0x1p1024", "0x1.000000000000000000001p-1070", "0x1p99999999999")) {
            assertTrue(Double.isNaN(Strtod.score(b(bad))), bad);
        }
    }

    @Test
    void patternsFollowCStringRules() {
        Database db = h.db();
        h.set("k_x", "plain");
        h.set("k_x->", "arrow");
        RedisHash hash = db.createHash();
        hash.put(b("f"), b("field"));
        hash.put(b("f\0g"), b("nul field"));
        db.set(b("h_x"), hash);
        assertEquals("plain", lookup("k_*", "x"));
        assertEquals("arrow", lookup("k_*->", "x"));
        assertEquals("field", lookup("h_*->f", "x"));
        assertEquals("nul field", lookup("h_*->f\0g", "x"));
        assertEquals("x", lookup("#", "x"));
        assertEquals("x", lookup("#\0tail", "x"));
        assertEquals(null, lookup("##", "x"));
        assertEquals(null, lookup("k_x", "x"));
        assertEquals(null, lookup("k_\0*", "x"));
        assertEquals(null, lookup("h_*", "x"), "a hash is not a string");
        assertEquals(null, lookup("k_*->f", "x"), "a string is not a hash");
        assertFalse(SortPattern.hasStar(b("nosort")));
        assertFalse(SortPattern.hasStar(b("a\0*")));
        assertTrue(SortPattern.hasStar(b("*\0")));
    }

    private String lookup(String pattern, String element) {
        byte[] v = new SortPattern(b(pattern)).lookup(h.db(), b(element));
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    @Test
    void byValuesAreReadThroughTheDatabaseOnly() {
        list("l", "1", "2");
        h.db().set(b("w_1"), RedisString.of("5"));
        h.db().set(b("w_2"), RedisString.of("4"));
        assertEquals(array(bulk("2"), bulk("1")), h.call("SORT", "l", "BY", "w_*"));
        h.db().set(b("w_2"), RedisString.of("6"));
        assertEquals(array(bulk("1"), bulk("2")), h.call("SORT", "l", "BY", "w_*"));
    }
}
