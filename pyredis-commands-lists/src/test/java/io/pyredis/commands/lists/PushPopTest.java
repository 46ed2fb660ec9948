package io.pyredis.commands.lists;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Resp.EMPTY_ARRAY;
import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.NULL_ARRAY;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.bulks;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** LPUSH, RPUSH, the X forms, LPOP/RPOP with and without count, LLEN; replies as redis-server 7.0.15 sends them. */
class PushPopTest {

    private final Harness h = new Harness();

    @Test
    void pushesAtEitherEndAndReplyTheLength() {
        assertEquals(integer(3), h.call("LPUSH", "l", "a", "b", "c"));
        assertEquals(integer(5), h.call("RPUSH", "l", "x", "y"));
        assertEquals(bulks("c", "b", "a", "x", "y"), h.call("LRANGE", "l", "0", "-1"));
        assertEquals(integer(5), h.call("LLEN", "l"));
        assertEquals(integer(0), h.call("LLEN", "missing"));
    }

    @Test
    void pushxOnlyOnExistingLists() {
        assertEquals(integer(0), h.call("LPUSHX", "l", "a", "b"));
        assertEquals(integer(0), h.call("RPUSHX", "l", "a"));
        assertFalse(h.db().exists("l".getBytes()));
        h.call("RPUSH", "l", "m");
        assertEquals(integer(3), h.call("LPUSHX", "l", "a", "b"));
        assertEquals(integer(4), h.call("RPUSHX", "l", "z"));
        assertEquals(bulks("b", "a", "m", "z"), h.call("LRANGE", "l", "0", "-1"));
    }

    @Test
    void popWithoutCount() {
        h.call("RPUSH", "l", "a", "b", "c");
        assertEquals(bulk("a"), h.call("LPOP", "l"));
        assertEquals(bulk("c"), h.call("RPOP", "l"));
        assertEquals(bulk("b"), h.call("RPOP", "l"));
        assertFalse(h.db().exists("l".getBytes()), "an emptied list is deleted");
        assertEquals(NIL, h.call("LPOP", "l"));
    }

    @Test
    void popWithCount() {
        h.call("RPUSH", "l", "a", "b", "c", "d");
        assertEquals(bulks("a", "b"), h.call("LPOP", "l", "2"));
        assertEquals(bulks("d", "c"), h.call("RPOP", "l", "10"));
        assertFalse(h.db().exists("l".getBytes()));
        assertEquals(NULL_ARRAY, h.call("LPOP", "l", "2"));
        assertEquals(NULL_ARRAY, h.call("LPOP", "l", "0"));
        h.call("RPUSH", "l", "a");
        assertEquals(EMPTY_ARRAY, h.call("LPOP", "l", "0"));
        assertEquals(integer(1), h.call("LLEN", "l"), "count 0 pops nothing");
        assertEquals(bulks("a"), h.call("RPOP", "l", "9223372036854775807"));
    }

    @Test
    void popCountErrors() {
        h.call("RPUSH", "l", "a");
        String positive = err("ERR value is out of range, must be positive");
        assertEquals(positive, h.call("LPOP", "l", "-1"));
        assertEquals(positive, h.call("LPOP", "missing", "-1"));
        assertEquals(positive, h.call("RPOP", "l", "x"));
        assertEquals(err("ERR wrong number of arguments for 'lpop' command"), h.call("LPOP", "l", "1", "2"));
        assertEquals(err("ERR wrong number of arguments for 'rpop' command"), h.call("RPOP", "l", "1", "2"));
    }

    @Test
    void resp3NullsAndArrays() {
        h.resp3();
        assertEquals("_\r\n", h.call("LPOP", "l"));
        assertEquals("_\r\n", h.call("LPOP", "l", "3"));
        h.call("RPUSH", "l", "a");
        assertEquals(bulks("a"), h.call("LPOP", "l", "3"));
    }

    @Test
    void wrongType() {
        h.storeString("s");
        for (String[] c : new String[][] {{"LPUSH", "s", "a"}, {"RPUSH", "s", "a"}, {"LPUSHX", "s", "a"},
                {"RPUSHX", "s", "a"}, {"LPOP", "s"}, {"RPOP", "s", "2"}, {"LLEN", "s"}}) {
            assertEquals(WRONGTYPE, h.call(c), String.join(" ", c));
        }
    }

    @Test
    void binarySafeElements() {
        byte[] odd = {0, '\r', '\n', (byte) 0xff};
        h.call("RPUSH".getBytes(), "b".getBytes(), odd);
        assertEquals("$4\r\n\0\r\n\u00ff\r\n", h.call("LPOP", "b"));
    }
}
