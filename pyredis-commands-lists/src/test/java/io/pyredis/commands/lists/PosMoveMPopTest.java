package io.pyredis.commands.lists;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Resp.EMPTY_ARRAY;
import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.NULL_ARRAY;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.array;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.bulks;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** LPOS, LMOVE, RPOPLPUSH, LMPOP; replies as redis-server 7.0.15 sends them. */
class PosMoveMPopTest {

    private final Harness h = new Harness();

    private static String ints(long... values) {
        StringBuilder sb = new StringBuilder("*").append(values.length).append("\r\n");
        for (long v : values) {
            sb.append(integer(v));
        }
        return sb.toString();
    }

    @Test
    void lpos() {
        h.call("RPUSH", "l", "a", "b", "c", "a", "b", "c", "a");
        assertEquals(integer(0), h.call("LPOS", "l", "a"));
        assertEquals(integer(3), h.call("LPOS", "l", "a", "RANK", "2"));
        assertEquals(integer(6), h.call("LPOS", "l", "a", "rank", "-1"));
        assertEquals(integer(3), h.call("LPOS", "l", "a", "RANK", "-2"));
        assertEquals(NIL, h.call("LPOS", "l", "a", "RANK", "4"));
        assertEquals(NIL, h.call("LPOS", "l", "zz"));
        assertEquals(ints(0, 3, 6), h.call("LPOS", "l", "a", "COUNT", "0"));
        assertEquals(ints(3, 6), h.call("LPOS", "l", "a", "COUNT", "0", "RANK", "2"));
        assertEquals(ints(6, 3), h.call("LPOS", "l", "a", "RANK", "-1", "COUNT", "2"));
        assertEquals(ints(0), h.call("LPOS", "l", "a", "COUNT", "5", "MAXLEN", "3"));
        assertEquals(ints(6), h.call("LPOS", "l", "a", "RANK", "-1", "COUNT", "0", "MAXLEN", "1"));
        assertEquals(EMPTY_ARRAY, h.call("LPOS", "l", "zz", "COUNT", "0"));
        assertEquals(integer(3), h.call("LPOS", "l", "a", "RANK", "1", "RANK", "2"), "the last RANK wins");
        assertEquals(integer(6), h.call("LPOS", "l", "a", "RANK", "-9223372036854775808"),
                "LLONG_MIN is the first match from the tail, as in Redis 7.0");
        assertEquals(ints(0, 3, 6), h.call("LPOS", "l", "a", "COUNT", "9223372036854775807",
                "MAXLEN", "9223372036854775807"), "huge counts allocate nothing");
        assertEquals(NIL, h.call("LPOS", "missing", "a"));
        assertEquals(EMPTY_ARRAY, h.call("LPOS", "missing", "a", "COUNT", "0"));
    }

    @Test
    void lposErrors() {
        h.call("RPUSH", "l", "a");
        assertEquals(err("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... "
                + "or use negative to start from the end of the list"), h.call("LPOS", "l", "a", "RANK", "0"));
        assertEquals(err("ERR COUNT can't be negative"), h.call("LPOS", "l", "a", "COUNT", "-1"));
        assertEquals(err("ERR COUNT can't be negative"), h.call("LPOS", "missing", "a", "COUNT", "-1"));
        assertEquals(err("ERR MAXLEN can't be negative"), h.call("LPOS", "l", "a", "MAXLEN", "-1"));
        assertEquals(NOT_INTEGER, h.call("LPOS", "l", "a", "RANK", "x"));
        assertEquals(SYNTAX, h.call("LPOS", "l", "a", "foo"));
        assertEquals(SYNTAX, h.call("LPOS", "l", "a", "COUNT"));
        assertEquals(SYNTAX, h.call("LPOS", "l", "a", "RANK", "1", "RANK"));
    }

    @Test
    void lmove() {
        h.call("RPUSH", "src", "a", "b", "c");
        assertEquals(bulk("a"), h.call("LMOVE", "src", "dst", "LEFT", "RIGHT"));
        assertEquals(bulk("c"), h.call("LMOVE", "src", "dst", "right", "left"));
        assertEquals(bulks("c", "a"), h.call("LRANGE", "dst", "0", "-1"));
        assertEquals(bulk("b"), h.call("RPOPLPUSH", "src", "dst"));
        assertFalse(h.db().exists("src".getBytes()));
        assertEquals(bulks("b", "c", "a"), h.call("LRANGE", "dst", "0", "-1"));
        assertEquals(NIL, h.call("LMOVE", "src", "dst", "LEFT", "LEFT"));
        assertEquals(NIL, h.call("RPOPLPUSH", "src", "dst"));
        assertEquals(SYNTAX, h.call("LMOVE", "dst", "x", "up", "left"));
        assertEquals(SYNTAX, h.call("LMOVE", "missing", "x", "left", "down"));
    }

    @Test
    void lmoveOntoItselfRotates() {
        h.call("RPUSH", "l", "a", "b", "c");
        assertEquals(bulk("a"), h.call("LMOVE", "l", "l", "LEFT", "RIGHT"));
        assertEquals(bulks("b", "c", "a"), h.call("LRANGE", "l", "0", "-1"));
        h.db().delete("l".getBytes());
        h.call("RPUSH", "one", "x");
        assertEquals(bulk("x"), h.call("RPOPLPUSH", "one", "one"));
        assertEquals(bulks("x"), h.call("LRANGE", "one", "0", "-1"), "a one-element list stays");
    }

    @Test
    void lmoveChecksBothTypesBeforeMoving() {
        h.call("RPUSH", "l", "a");
        h.storeString("s");
        assertEquals(WRONGTYPE, h.call("LMOVE", "l", "s", "LEFT", "LEFT"));
        assertEquals(WRONGTYPE, h.call("RPOPLPUSH", "s", "l"));
        assertEquals(integer(1), h.call("LLEN", "l"), "nothing moved");
        assertEquals(NIL, h.call("LMOVE", "missing", "s", "LEFT", "LEFT"), "a missing source wins");
    }

    @Test
    void lmpop() {
        h.call("RPUSH", "b", "1", "2", "3");
        assertEquals(array(bulk("b"), bulks("1")), h.call("LMPOP", "2", "a", "b", "LEFT"));
        assertEquals(array(bulk("b"), bulks("3", "2")), h.call("LMPOP", "2", "a", "b", "right", "COUNT", "10"));
        assertFalse(h.db().exists("b".getBytes()));
        assertEquals(NULL_ARRAY, h.call("LMPOP", "2", "a", "b", "LEFT"));
        h.resp3();
        assertEquals("_\r\n", h.call("LMPOP", "1", "a", "LEFT"));
    }

    @Test
    void lmpopErrors() {
        h.call("RPUSH", "l", "a");
        String numkeys = err("ERR numkeys should be greater than 0");
        assertEquals(numkeys, h.call("LMPOP", "0", "l", "LEFT"));
        assertEquals(numkeys, h.call("LMPOP", "-1", "l", "LEFT"));
        assertEquals(numkeys, h.call("LMPOP", "x", "l", "LEFT"));
        assertEquals(SYNTAX, h.call("LMPOP", "2", "l", "LEFT"));
        assertEquals(SYNTAX, h.call("LMPOP", "9223372036854775807", "l", "LEFT"));
        assertEquals(SYNTAX, h.call("LMPOP", "1", "l", "middle"));
        assertEquals(SYNTAX, h.call("LMPOP", "1", "l", "LEFT", "foo"));
        assertEquals(SYNTAX, h.call("LMPOP", "1", "l", "LEFT", "COUNT"));
        assertEquals(SYNTAX, h.call("LMPOP", "1", "l", "LEFT", "COUNT", "2", "COUNT", "3"));
        String count = err("ERR count should be greater than 0");
        assertEquals(count, h.call("LMPOP", "1", "l", "LEFT", "COUNT", "0"));
        assertEquals(count, h.call("LMPOP", "1", "l", "LEFT", "COUNT", "-1"));
        h.storeString("s");
        assertEquals(WRONGTYPE, h.call("LMPOP", "2", "s", "l", "LEFT"));
        assertEquals(array(bulk("l"), bulks("a")), h.call("LMPOP", "2", "missing", "l", "LEFT"));
    }
}
