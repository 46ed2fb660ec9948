package io.pyredis.commands.lists;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Resp.EMPTY_ARRAY;
import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.OK;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.bulks;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** LRANGE, LINDEX, LSET, LINSERT, LREM, LTRIM; replies as redis-server 7.0.15 sends them. */
class RangeIndexTest {

    private final Harness h = new Harness();

    private void abcabc() {
        h.call("RPUSH", "l", "a", "b", "c", "a", "b", "c");
    }

    @Test
    void lrange() {
        abcabc();
        assertEquals(bulks("a", "b", "c", "a", "b", "c"), h.call("LRANGE", "l", "-100", "100"));
        assertEquals(bulks("c", "a"), h.call("LRANGE", "l", "2", "-3"));
        assertEquals(EMPTY_ARRAY, h.call("LRANGE", "l", "5", "2"));
        assertEquals(EMPTY_ARRAY, h.call("LRANGE", "l", "6", "10"));
        assertEquals(EMPTY_ARRAY, h.call("LRANGE", "missing", "0", "-1"));
        assertEquals(bulks("a", "b", "c", "a", "b", "c"),
                h.call("LRANGE", "l", "-9223372036854775808", "9223372036854775807"), "huge indexes are clamped");
        assertEquals(NOT_INTEGER, h.call("LRANGE", "l", "x", "2"));
        assertEquals(NOT_INTEGER, h.call("LRANGE", "missing", "0", "1.5"), "indexes are parsed before the lookup");
    }

    @Test
    void lindex() {
        abcabc();
        assertEquals(bulk("a"), h.call("LINDEX", "l", "0"));
        assertEquals(bulk("c"), h.call("LINDEX", "l", "-1"));
        assertEquals(bulk("a"), h.call("LINDEX", "l", "-6"));
        assertEquals(NIL, h.call("LINDEX", "l", "-7"));
        assertEquals(NIL, h.call("LINDEX", "l", "99"));
        assertEquals(NOT_INTEGER, h.call("LINDEX", "l", "x"));
        assertEquals(NIL, h.call("LINDEX", "missing", "x"), "the key is looked up first");
    }

    @Test
    void lset() {
        abcabc();
        assertEquals(OK, h.call("LSET", "l", "-1", "z"));
        assertEquals(OK, h.call("LSET", "l", "0", "y"));
        assertEquals(bulks("y", "b", "c", "a", "b", "z"), h.call("LRANGE", "l", "0", "-1"));
        assertEquals(err("ERR index out of range"), h.call("LSET", "l", "100", "x"));
        assertEquals(err("ERR index out of range"), h.call("LSET", "l", "-7", "x"));
        assertEquals(err("ERR no such key"), h.call("LSET", "missing", "0", "x"));
        assertEquals(err("ERR no such key"), h.call("LSET", "missing", "x", "x"));
        assertEquals(NOT_INTEGER, h.call("LSET", "l", "x", "x"));
    }

    @Test
    void linsert() {
        abcabc();
        assertEquals(integer(7), h.call("LINSERT", "l", "BEFORE", "b", "x"));
        assertEquals(integer(8), h.call("LINSERT", "l", "after", "c", "y"));
        assertEquals(bulks("a", "x", "b", "c", "y", "a", "b", "c"), h.call("LRANGE", "l", "0", "-1"));
        assertEquals(integer(-1), h.call("LINSERT", "l", "before", "zz", "x"));
        assertEquals(integer(0), h.call("LINSERT", "missing", "before", "a", "x"));
        assertEquals(SYNTAX, h.call("LINSERT", "l", "middle", "a", "x"));
        assertEquals(SYNTAX, h.call("LINSERT", "missing", "middle", "a", "x"));
    }

    @Test
    void lrem() {
        abcabc();
        h.call("RPUSH", "l", "a");
        assertEquals(integer(2), h.call("LREM", "l", "-2", "a"));
        assertEquals(bulks("a", "b", "c", "b", "c"), h.call("LRANGE", "l", "0", "-1"));
        assertEquals(integer(1), h.call("LREM", "l", "1", "c"));
        assertEquals(bulks("a", "b", "b", "c"), h.call("LRANGE", "l", "0", "-1"));
        assertEquals(integer(2), h.call("LREM", "l", "0", "b"));
        assertEquals(integer(0), h.call("LREM", "l", "0", "zz"));
        assertEquals(integer(1), h.call("LREM", "l", "-9223372036854775808", "a"), "LLONG_MIN removes every match");
        assertEquals(integer(1), h.call("LREM", "l", "9223372036854775807", "c"));
        assertFalse(h.db().exists("l".getBytes()), "an emptied list is deleted");
        assertEquals(integer(0), h.call("LREM", "missing", "0", "a"));
        assertEquals(NOT_INTEGER, h.call("LREM", "missing", "x", "a"));
    }

    @Test
    void ltrim() {
        abcabc();
        assertEquals(OK, h.call("LTRIM", "l", "1", "-2"));
        assertEquals(bulks("b", "c", "a", "b"), h.call("LRANGE", "l", "0", "-1"));
        assertEquals(OK, h.call("LTRIM", "l", "-100", "100"));
        assertEquals(integer(4), h.call("LLEN", "l"));
        assertEquals(OK, h.call("LTRIM", "l", "2", "1"));
        assertFalse(h.db().exists("l".getBytes()), "an empty range deletes the list");
        assertEquals(OK, h.call("LTRIM", "missing", "0", "1"));
        assertEquals(NOT_INTEGER, h.call("LTRIM", "missing", "x", "1"));
    }

    @Test
    void wrongType() {
        h.storeString("s");
        for (String[] c : new String[][] {{"LRANGE", "s", "0", "1"}, {"LINDEX", "s", "0"}, {"LSET", "s", "0", "x"},
                {"LINSERT", "s", "before", "a", "b"}, {"LREM", "s", "0", "a"}, {"LTRIM", "s", "0", "1"}}) {
            assertEquals(WRONGTYPE, h.call(c), String.join(" ", c));
        }
    }
}
