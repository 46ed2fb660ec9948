package io.pyredis.commands.strings;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.OK;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** SET with its options, SETNX, SETEX, PSETEX, GETSET; expected replies taken from redis-server 7.0.15. */
class SetCommandsTest {

    private final Harness h = new Harness();

    @Test
    void setThenGet() {
        assertEquals(OK, h.call("SET", "k", "hello"));
        assertEquals(bulk("hello"), h.call("GET", "k"));
        assertEquals(NIL, h.call("GET", "missing"));
        assertEquals(OK, h.call("set", "k", ""));
        assertEquals("$0\r\n\r\n", h.call("get", "k"));
    }

    @Test
    void binarySafeValues() {
        byte[] value = {0, '\r', '\n', (byte) 0xff};
        assertEquals(OK, h.call(new byte[][] {"SET".getBytes(), "k".getBytes(), value}));
        assertEquals("$4\r\n\0\r\n\u00ff\r\n", h.call("GET", "k"));
    }

    @Test
    void getOfAnotherTypeIsWrongType() {
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("GET", "l"));
    }

    @Test
    void plainSetOverwritesAnyTypeAndClearsTtl() {
        h.storeNonString("l");
        assertEquals(OK, h.call("SET", "l", "v"));
        assertEquals(bulk("v"), h.call("GET", "l"));
        assertEquals(OK, h.call("SET", "k", "v", "EX", "100"));
        assertEquals(OK, h.call("SET", "k", "v2"));
        assertEquals(-1, h.pttl("k"));
    }

    @Test
    void expireOptionsSetDeadlines() {
        assertEquals(OK, h.call("SET", "k", "v", "EX", "10"));
        assertEquals(10_000, h.pttl("k"));
        assertEquals(OK, h.call("SET", "k", "v", "px", "1500"));
        assertEquals(1500, h.pttl("k"));
        long at = Harness.START / 1000 + 20;
        assertEquals(OK, h.call("SET", "k", "v", "ExAt", Long.toString(at)));
        assertEquals(20_000, h.pttl("k"));
        assertEquals(OK, h.call("SET", "k", "v", "PXAT", Long.toString(Harness.START + 1234)));
        assertEquals(1234, h.pttl("k"));
        assertEquals(OK, h.call("SET", "k", "v", "EX", "10", "EX", "20"));
        assertEquals(20_000, h.pttl("k"), "a repeated option: the last one wins");
    }

    @Test
    void keyExpiresWhenTheClockPassesItsDeadline() {
        assertEquals(OK, h.call("SET", "k", "v", "PX", "100"));
        h.clock.advance(100);
        assertEquals(bulk("v"), h.call("GET", "k"), "as in Redis, a key lives until after its deadline");
        h.clock.advance(1);
        assertEquals(NIL, h.call("GET", "k"));
    }

    @Test
    void pastAbsoluteDeadlineSetsAKeyThatIsAlreadyGone() {
        assertEquals(OK, h.call("SET", "k", "v", "PXAT", "1"));
        assertEquals(NIL, h.call("GET", "k"));
        assertEquals(OK, h.call("SET", "k", "old"));
        assertEquals(bulk("old"), h.call("SET", "k", "v", "EXAT", "1", "GET"));
        assertEquals(NIL, h.call("GET", "k"));
    }

    @Test
    void keepTtl() {
        assertEquals(OK, h.call("SET", "k", "v", "EX", "100"));
        assertEquals(OK, h.call("SET", "k", "v2", "KEEPTTL"));
        assertEquals(100_000, h.pttl("k"));
        assertEquals(bulk("v2"), h.call("GET", "k"));
        assertEquals(OK, h.call("SET", "new", "v", "keepttl"));
        assertEquals(-1, h.pttl("new"));
    }

    @Test
    void nxAndXx() {
        assertEquals(NIL, h.call("SET", "k", "v", "XX"));
        assertEquals(NIL, h.call("GET", "k"));
        assertEquals(OK, h.call("SET", "k", "v", "NX"));
        assertEquals(NIL, h.call("SET", "k", "v2", "NX"));
        assertEquals(bulk("v"), h.call("GET", "k"));
        assertEquals(OK, h.call("SET", "k", "v3", "XX", "PX", "500"));
        assertEquals(bulk("v3"), h.call("GET", "k"));
        assertEquals(500, h.pttl("k"));
        h.storeNonString("l");
        assertEquals(NIL, h.call("SET", "l", "v", "NX"), "NX sees a key of any type");
    }

    @Test
    void getOption() {
        assertEquals(NIL, h.call("SET", "k", "v", "GET"));
        assertEquals(bulk("v"), h.call("SET", "k", "v2", "GET"));
        assertEquals(bulk("v2"), h.call("SET", "k", "v3", "NX", "GET"), "NX refuses, GET still replies");
        assertEquals(bulk("v2"), h.call("GET", "k"));
        assertEquals(bulk("v2"), h.call("SET", "k", "v3", "XX", "GET"));
        assertEquals(NIL, h.call("SET", "nk", "v", "XX", "GET"));
        assertEquals(NIL, h.call("GET", "nk"));
        assertEquals(bulk("v3"), h.call("SET", "k", "v4", "GET", "GET"));
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("SET", "l", "v", "GET"));
        assertEquals(WRONGTYPE, h.call("GET", "l"), "a refused SET ... GET changes nothing");
    }

    @Test
    void syntaxErrors() {
        assertEquals(SYNTAX, h.call("SET", "k", "v", "NX", "XX"));
        assertEquals(SYNTAX, h.call("SET", "k", "v", "XX", "NX"));
        assertEquals(SYNTAX, h.call("SET", "k", "v", "EX", "10", "PX", "10"));
        assertEquals(SYNTAX, h.call("SET", "k", "v", "PXAT", "10", "EXAT", "10"));
        assertEquals(SYNTAX, h.call("SET", "k", "v", "KEEPTTL", "EX", "10"));
        assertEquals(SYNTAX, h.call("SET", "k", "v", "EX", "10", "KEEPTTL"));
        assertEquals(SYNTAX, h.call("SET", "k", "v", "EX"));
        assertEquals(SYNTAX, h.call("SET", "k", "v", "PERSIST"));
        assertEquals(SYNTAX, h.call("SET", "k", "v", "foo"));
        assertEquals(SYNTAX, h.call("SET", "k", "v", "NXX"));
        assertEquals(NIL, h.call("GET", "k"));
    }

    @Test
    void invalidExpireTimes() {
        String invalid = err("ERR invalid expire time in 'set' command");
        assertEquals(invalid, h.call("SET", "k", "v", "EX", "0"));
        assertEquals(invalid, h.call("SET", "k", "v", "EX", "-1"));
        assertEquals(invalid, h.call("SET", "k", "v", "PX", "0"));
        assertEquals(invalid, h.call("SET", "k", "v", "EXAT", "0"));
        assertEquals(invalid, h.call("SET", "k", "v", "EX", "9223372036854776"), "seconds * 1000 overflows");
        assertEquals(invalid, h.call("SET", "k", "v", "EX", "9223372036854775"), "adding now overflows");
        assertEquals(invalid, h.call("SET", "k", "v", "PX", "9223372036854775807"));
        assertEquals(NOT_INTEGER, h.call("SET", "k", "v", "EX", "abc"));
        assertEquals(NOT_INTEGER, h.call("SET", "k", "v", "EX", "1.5"));
        assertEquals(NOT_INTEGER, h.call("SET", "k", "v", "EX", "+5"));
        assertEquals(NOT_INTEGER, h.call("SET", "k", "v", "EX", "9223372036854775808"));
        assertEquals(NIL, h.call("GET", "k"));
        assertEquals(OK, h.call("SET", "k", "v", "PXAT", "9223372036854775807"));
        h.storeNonString("l");
        assertEquals(invalid, h.call("SET", "l", "v", "EX", "0", "GET"), "the expire is checked before GET");
    }

    @Test
    void arityIsTheDispatchersBusiness() {
        assertEquals(err("ERR wrong number of arguments for 'set' command"), h.call("SET", "k"));
        assertEquals(-3, h.command("set").spec().arity());
    }

    @Test
    void setnx() {
        assertEquals(integer(1), h.call("SETNX", "k", "v"));
        assertEquals(integer(0), h.call("SETNX", "k", "v2"));
        assertEquals(bulk("v"), h.call("GET", "k"));
        h.storeNonString("l");
        assertEquals(integer(0), h.call("SETNX", "l", "v"));
    }

    @Test
    void setexAndPsetex() {
        assertEquals(OK, h.call("SETEX", "k", "10", "v"));
        assertEquals(10_000, h.pttl("k"));
        assertEquals(bulk("v"), h.call("GET", "k"));
        assertEquals(OK, h.call("PSETEX", "k", "1500", "w"));
        assertEquals(1500, h.pttl("k"));
        h.clock.advance(1501);
        assertEquals(NIL, h.call("GET", "k"));
        assertEquals(err("ERR invalid expire time in 'setex' command"), h.call("SETEX", "k", "0", "v"));
        assertEquals(err("ERR invalid expire time in 'psetex' command"), h.call("PSETEX", "k", "-5", "v"));
        assertEquals(NOT_INTEGER, h.call("SETEX", "k", "abc", "v"));
        h.storeNonString("l");
        assertEquals(OK, h.call("SETEX", "l", "10", "v"));
        assertEquals(bulk("v"), h.call("GET", "l"));
    }

    @Test
    void getset() {
        assertEquals(NIL, h.call("GETSET", "k", "v"));
        assertEquals(OK, h.call("SET", "k", "v", "EX", "100"));
        assertEquals(bulk("v"), h.call("GETSET", "k", "w"));
        assertEquals(-1, h.pttl("k"), "GETSET clears the TTL");
        assertEquals(bulk("w"), h.call("GET", "k"));
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("GETSET", "l", "v"));
    }

    @Test
    void resp3Null() {
        h.resp3();
        assertEquals("_\r\n", h.call("GET", "missing"));
        assertEquals("_\r\n", h.call("SET", "k", "v", "GET"));
    }
}
