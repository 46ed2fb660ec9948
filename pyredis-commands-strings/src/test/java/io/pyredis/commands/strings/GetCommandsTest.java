package io.pyredis.commands.strings;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.OK;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.array;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GETDEL, GETEX, MGET, MSET, MSETNX; expected replies taken from redis-server 7.0.15. */
class GetCommandsTest {

    private final Harness h = new Harness();

    @Test
    void getdel() {
        assertEquals(NIL, h.call("GETDEL", "k"));
        h.call("SET", "k", "v");
        assertEquals(bulk("v"), h.call("GETDEL", "k"));
        assertEquals(NIL, h.call("GET", "k"));
        assertEquals(0, h.db().size());
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("GETDEL", "l"));
        assertEquals(1, h.db().size());
    }

    @Test
    void getexWithoutOptionsIsGet() {
        h.call("SET", "k", "v", "EX", "100");
        assertEquals(bulk("v"), h.call("GETEX", "k"));
        assertEquals(100_000, h.pttl("k"));
        assertEquals(NIL, h.call("GETEX", "missing"));
    }

    @Test
    void getexSetsAndRemovesTtl() {
        h.call("SET", "k", "v");
        assertEquals(bulk("v"), h.call("GETEX", "k", "EX", "10"));
        assertEquals(10_000, h.pttl("k"));
        assertEquals(bulk("v"), h.call("GETEX", "k", "PX", "250"));
        assertEquals(250, h.pttl("k"));
        assertEquals(bulk("v"), h.call("GETEX", "k", "EXAT", Long.toString(Harness.START / 1000 + 30)));
        assertEquals(30_000, h.pttl("k"));
        assertEquals(bulk("v"), h.call("GETEX", "k", "PXAT", Long.toString(Harness.START + 7)));
        assertEquals(7, h.pttl("k"));
        assertEquals(bulk("v"), h.call("GETEX", "k", "PERSIST"));
        assertEquals(-1, h.pttl("k"));
        assertEquals(bulk("v"), h.call("GETEX", "k", "persist"), "PERSIST without a TTL is fine");
    }

    @Test
    void getexWithPastDeadlineDeletesTheKeyAtOnce() {
        h.call("SET", "k", "v");
        assertEquals(bulk("v"), h.call("GETEX", "k", "PXAT", "1"));
        assertEquals(0, h.db().size(), "deleted, not merely invisible (Redis's DBSIZE shows 0)");
        h.call("SET", "k", "v");
        assertEquals(bulk("v"), h.call("GETEX", "k", "PXAT", Long.toString(Harness.START)));
        assertEquals(NIL, h.call("GET", "k"), "a deadline equal to now is already past for GETEX");
    }

    @Test
    void getexErrors() {
        h.call("SET", "k", "v");
        assertEquals(err("ERR invalid expire time in 'getex' command"), h.call("GETEX", "k", "EX", "0"));
        assertEquals(err("ERR invalid expire time in 'getex' command"), h.call("GETEX", "k", "EXAT", "0"));
        assertEquals(NOT_INTEGER, h.call("GETEX", "k", "EX", "abc"));
        assertEquals(SYNTAX, h.call("GETEX", "k", "PERSIST", "EX", "10"));
        assertEquals(SYNTAX, h.call("GETEX", "k", "EX", "10", "PERSIST"));
        assertEquals(SYNTAX, h.call("GETEX", "k", "EX"));
        assertEquals(SYNTAX, h.call("GETEX", "k", "NX"));
        assertEquals(SYNTAX, h.call("GETEX", "k", "KEEPTTL"));
        assertEquals(SYNTAX, h.call("GETEX", "k", "GET"));
        assertEquals(SYNTAX, h.call("GETEX", "missing", "foo"), "syntax is checked before the lookup");
        assertEquals(NIL, h.call("GETEX", "missing", "EX", "0"), "a missing key is answered before the time");
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("GETEX", "l", "EX", "10"));
        assertEquals(WRONGTYPE, h.call("GETEX", "l", "EX", "0"), "the type is checked before the time");
        assertEquals(-1, h.pttl("k"));
    }

    @Test
    void mget() {
        h.call("SET", "a", "1");
        h.call("SET", "b", "");
        h.storeNonString("l");
        assertEquals(array(bulk("1"), NIL, "$0\r\n\r\n", NIL), h.call("MGET", "a", "l", "b", "missing"));
        assertEquals(array(NIL), h.call("MGET", "missing"));
        h.resp3();
        assertEquals("*2\r\n$1\r\n1\r\n_\r\n", h.call("MGET", "a", "l"));
    }

    @Test
    void mset() {
        h.storeNonString("l");
        h.call("SET", "b", "old", "EX", "100");
        assertEquals(OK, h.call("MSET", "a", "1", "l", "2", "b", "3"));
        assertEquals(array(bulk("1"), bulk("2"), bulk("3")), h.call("MGET", "a", "l", "b"));
        assertEquals(-1, h.pttl("b"), "MSET clears TTLs as SET does");
        assertEquals(OK, h.call("MSET", "q", "1", "q", "2"));
        assertEquals(bulk("2"), h.call("GET", "q"));
        assertEquals(err("ERR wrong number of arguments for 'mset' command"), h.call("MSET", "a", "1", "b"));
        assertEquals(bulk("1"), h.call("GET", "a"));
    }

    @Test
    void msetnx() {
        assertEquals(integer(1), h.call("MSETNX", "x", "1", "y", "2"));
        assertEquals(integer(0), h.call("MSETNX", "z", "1", "x", "9"));
        assertEquals(NIL, h.call("GET", "z"), "nothing is set when one key exists");
        assertEquals(bulk("1"), h.call("GET", "x"));
        h.storeNonString("l");
        assertEquals(integer(0), h.call("MSETNX", "w", "1", "l", "2"));
        assertEquals(integer(1), h.call("MSETNX", "z", "1", "z", "2"));
        assertEquals(bulk("2"), h.call("GET", "z"));
        assertEquals(err("ERR wrong number of arguments for 'msetnx' command"), h.call("MSETNX", "a", "1", "b"));
    }
}
