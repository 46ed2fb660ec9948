package io.pyredis.commands.keys;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.OK;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** RENAME, RENAMENX, COPY, MOVE, SWAPDB; error texts from redis-server 7.0.15. */
class RenameCopyMoveTest {

    private static final String NO_SUCH_KEY = err("ERR no such key");
    private static final String SAME = err("ERR source and destination objects are the same");
    private static final String DB_RANGE = err("ERR DB index is out of range");
    private static final String INT_RANGE =
            err("ERR value is out of range, value must between -2147483648 and 2147483647");

    private final Harness h = new Harness();

    @Test
    void renameMovesValueAndTtl() {
        h.set("a", "1");
        h.call("PEXPIRE", "a", "5000");
        assertEquals(OK, h.call("RENAME", "a", "b"));
        assertNull(h.get(0, "a"));
        assertEquals("1", h.get(0, "b"));
        assertEquals(5000, h.pttl(0, "b"));
    }

    @Test
    void renameOverAnExistingKeyDropsItsTtl() {
        h.set("a", "1");
        h.set("c", "2");
        h.call("EXPIRE", "c", "100");
        assertEquals(OK, h.call("RENAME", "a", "c"));
        assertEquals("1", h.get(0, "c"));
        assertEquals(integer(-1), h.call("TTL", "c"));
    }

    @Test
    void renameErrorsAndSameKey() {
        assertEquals(NO_SUCH_KEY, h.call("RENAME", "nokey", "b"));
        assertEquals(NO_SUCH_KEY, h.call("RENAME", "nokey", "nokey"));
        assertEquals(NO_SUCH_KEY, h.call("RENAMENX", "nokey", "a"));
        h.set("a", "1");
        h.call("EXPIRE", "a", "10");
        assertEquals(OK, h.call("RENAME", "a", "a"));
        assertEquals(integer(0), h.call("RENAMENX", "a", "a"));
        assertEquals("1", h.get(0, "a"));
        assertEquals(integer(10), h.call("TTL", "a"));
    }

    @Test
    void renamenx() {
        h.set("a", "1");
        h.set("b", "2");
        assertEquals(integer(0), h.call("RENAMENX", "a", "b"));
        assertEquals("2", h.get(0, "b"));
        assertEquals(integer(1), h.call("RENAMENX", "a", "c"));
        assertEquals("1", h.get(0, "c"));
        assertNull(h.get(0, "a"));
    }

    @Test
    void renameOfAnExpiredKeyIsNoSuchKey() {
        h.set("a", "1");
        h.call("PEXPIRE", "a", "10");
        h.clock.advance(11);
        assertEquals(NO_SUCH_KEY, h.call("RENAME", "a", "b"));
    }

    @Test
    void copyWithinAndAcrossDatabases() {
        h.set("a", "1");
        h.call("PEXPIRE", "a", "7000");
        assertEquals(integer(1), h.call("COPY", "a", "b"));
        assertEquals("1", h.get(0, "b"));
        assertEquals(7000, h.pttl(0, "b"));
        assertEquals("1", h.get(0, "a"));
        assertEquals(integer(1), h.call("COPY", "a", "a", "DB", "1"));
        assertEquals("1", h.get(1, "a"));
        assertEquals(7000, h.pttl(1, "a"));
        assertEquals(integer(0), h.call("COPY", "nokey", "x"));
    }

    @Test
    void copyReplace() {
        h.set("a", "1");
        h.set("b", "2");
        h.call("EXPIRE", "b", "100");
        assertEquals(integer(0), h.call("COPY", "a", "b"));
        assertEquals("2", h.get(0, "b"));
        assertEquals(integer(1), h.call("COPY", "a", "b", "replace"));
        assertEquals("1", h.get(0, "b"));
        assertEquals(integer(-1), h.call("TTL", "b"), "the source had no deadline");
        h.select(3);
        h.set("z", "3");
        assertEquals(integer(1), h.call("COPY", "z", "b", "REPLACE", "db", "0"));
        assertEquals("3", h.get(0, "b"));
    }

    @Test
    void copyErrors() {
        h.set("a", "1");
        assertEquals(SAME, h.call("COPY", "a", "a"));
        assertEquals(SAME, h.call("COPY", "nokey", "nokey", "db", "0"));
        assertEquals(DB_RANGE, h.call("COPY", "a", "b", "db", "99"));
        assertEquals(DB_RANGE, h.call("COPY", "a", "b", "db", "-1"));
        assertEquals(NOT_INTEGER, h.call("COPY", "a", "b", "db", "abc"));
        assertEquals(INT_RANGE, h.call("COPY", "a", "b", "db", "2147483648"));
        assertEquals(SYNTAX, h.call("COPY", "a", "b", "db"));
        assertEquals(SYNTAX, h.call("COPY", "a", "b", "foo"));
        assertEquals(SYNTAX, h.call("COPY", "a", "b", "replace", "foo"));
        assertNull(h.get(0, "b"));
    }

    @Test
    void copyOfATypeWithoutCopyIsRefused() {
        h.storeList("l");
        assertEquals(err("ERR not supported for this module type"), h.call("COPY", "l", "m"));
        assertEquals(integer(0), h.call("EXISTS", "m"));
    }

    @Test
    void move() {
        h.set("a", "1");
        h.call("PEXPIRE", "a", "3000");
        assertEquals(integer(1), h.call("MOVE", "a", "1"));
        assertNull(h.get(0, "a"));
        assertEquals("1", h.get(1, "a"));
        assertEquals(3000, h.pttl(1, "a"));
        assertEquals(integer(0), h.call("MOVE", "nokey", "1"));
        h.set("e", "0");
        h.keyspace.db(1).set("e".getBytes(), io.pyredis.api.RedisString.of("other"));
        assertEquals(integer(0), h.call("MOVE", "e", "1"));
        assertEquals("0", h.get(0, "e"));
        assertEquals("other", h.get(1, "e"));
    }

    @Test
    void moveErrors() {
        h.set("a", "1");
        assertEquals(SAME, h.call("MOVE", "a", "0"));
        assertEquals(SAME, h.call("MOVE", "nokey", "0"));
        assertEquals(DB_RANGE, h.call("MOVE", "a", "99"));
        assertEquals(DB_RANGE, h.call("MOVE", "a", "16"));
        assertEquals(DB_RANGE, h.call("MOVE", "a", "-1"));
        assertEquals(NOT_INTEGER, h.call("MOVE", "a", "abc"));
        assertEquals(INT_RANGE, h.call("MOVE", "a", "2147483648"));
        h.select(5);
        assertEquals(SAME, h.call("MOVE", "a", "5"));
        assertEquals("1", h.get(0, "a"));
    }

    @Test
    void swapdb() {
        h.set("a", "in0");
        h.keyspace.db(1).set("a".getBytes(), io.pyredis.api.RedisString.of("in1"));
        assertEquals(OK, h.call("SWAPDB", "0", "1"));
        assertEquals("in1", h.get(0, "a"));
        assertEquals("in0", h.get(1, "a"));
        assertEquals(OK, h.call("SWAPDB", "0", "0"));
        assertEquals("in1", h.get(0, "a"));
        assertEquals(OK, h.call("SWAPDB", "15", "0"));
        assertNull(h.get(0, "a"));
    }

    @Test
    void swapdbErrors() {
        assertEquals(err("ERR invalid first DB index"), h.call("SWAPDB", "abc", "0"));
        assertEquals(err("ERR invalid first DB index"), h.call("SWAPDB", "2147483648", "abc"));
        assertEquals(err("ERR invalid second DB index"), h.call("SWAPDB", "0", "abc"));
        assertEquals(err("ERR invalid second DB index"), h.call("SWAPDB", "0", "-2147483649"));
        assertEquals(DB_RANGE, h.call("SWAPDB", "0", "99"));
        assertEquals(DB_RANGE, h.call("SWAPDB", "-1", "0"));
        assertEquals(DB_RANGE, h.call("SWAPDB", "16", "16"));
    }
}
