package io.pyredis.commands.strings;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Resp.EMPTY;
import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** APPEND, STRLEN, GETRANGE, SUBSTR, SETRANGE; expected replies taken from redis-server 7.0.15. */
class RangeCommandsTest {

    private static final String TOO_LONG = err("ERR string exceeds maximum allowed size (proto-max-bulk-len)");

    private final Harness h = new Harness();

    @Test
    void append() {
        assertEquals(integer(5), h.call("APPEND", "k", "Hello"));
        assertEquals(integer(11), h.call("APPEND", "k", " World"));
        assertEquals(bulk("Hello World"), h.call("GET", "k"));
        assertEquals(integer(11), h.call("APPEND", "k", ""));
        assertEquals(integer(0), h.call("APPEND", "e", ""));
        assertEquals("$0\r\n\r\n", h.call("GET", "e"), "APPEND of nothing still creates the key");
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("APPEND", "l", "x"));
    }

    @Test
    void appendKeepsTtlAndRespectsTheLimit() {
        h.call("SET", "k", "v", "EX", "100");
        assertEquals(integer(2), h.call("APPEND", "k", "x"));
        assertEquals(100_000, h.pttl("k"));
        // 1 MB is the least proto-max-bulk-len Redis (and pyredis's CONFIG) accepts.
        h.config.put("proto-max-bulk-len", "1mb");
        assertEquals(integer(1048574), h.call("APPEND", "k", "a".repeat(1048572)));
        assertEquals(integer(1048576), h.call("APPEND", "k", "yz"));
        assertEquals(TOO_LONG, h.call("APPEND", "k", "!"));
        assertEquals(bulk("ayz"), h.call("GETRANGE", "k", "-3", "-1"));
        assertEquals(bulk("vxa"), h.call("GETRANGE", "k", "0", "2"));
    }

    @Test
    void strlen() {
        assertEquals(integer(0), h.call("STRLEN", "missing"));
        h.call("SET", "k", "Hello World");
        assertEquals(integer(11), h.call("STRLEN", "k"));
        h.call("SET", "u", "é");
        assertEquals(integer(2), h.call("STRLEN", "u"), "bytes, not characters");
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("STRLEN", "l"));
    }

    @Test
    void getrange() {
        h.call("SET", "s", "Hello World");
        assertEquals(bulk("Hell"), h.call("GETRANGE", "s", "0", "3"));
        assertEquals(bulk("rld"), h.call("GETRANGE", "s", "-3", "-1"));
        assertEquals(bulk("Hello World"), h.call("GETRANGE", "s", "0", "-1"));
        assertEquals(bulk("d"), h.call("GETRANGE", "s", "10", "100"));
        assertEquals(EMPTY, h.call("GETRANGE", "s", "-1", "-5"));
        assertEquals(EMPTY, h.call("GETRANGE", "s", "5", "3"));
        assertEquals(bulk("H"), h.call("GETRANGE", "s", "-100", "-50"), "Redis 7.0 clamps both ends to 0");
        assertEquals(bulk("Hel"), h.call("GETRANGE", "s", "-100", "2"));
        assertEquals(EMPTY, h.call("GETRANGE", "s", "100", "200"));
        assertEquals(EMPTY, h.call("GETRANGE", "s", "11", "11"));
        assertEquals(EMPTY, h.call("GETRANGE", "s", "9223372036854775807", "9223372036854775807"));
        assertEquals(bulk("Hello World"), h.call("GETRANGE", "s", "-9223372036854775808", "-1"));
        assertEquals(bulk("Hell"), h.call("SUBSTR", "s", "0", "3"));
        h.call("SET", "e", "");
        assertEquals(EMPTY, h.call("GETRANGE", "e", "0", "-1"));
    }

    @Test
    void getrangeErrorsAndMissingKey() {
        assertEquals(EMPTY, h.call("GETRANGE", "missing", "0", "1"));
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("GETRANGE", "l", "0", "1"));
        assertEquals(NOT_INTEGER, h.call("GETRANGE", "l", "a", "1"), "indexes are parsed before the lookup");
        assertEquals(NOT_INTEGER, h.call("SUBSTR", "s", "0", "9223372036854775808"));
    }

    @Test
    void setrangePadsWithZeroBytes() {
        assertEquals(integer(5), h.call("SETRANGE", "k", "3", "ab"));
        assertEquals("$5\r\n\0\0\0ab\r\n", h.call("GET", "k"));
        h.call("SET", "s", "Hello World");
        assertEquals(integer(11), h.call("SETRANGE", "s", "6", "Redis"));
        assertEquals(bulk("Hello Redis"), h.call("GET", "s"));
        assertEquals(integer(13), h.call("SETRANGE", "s", "10", "XYZ"));
        assertEquals(bulk("Hello RediXYZ"), h.call("GET", "s"));
        assertEquals(integer(16), h.call("SETRANGE", "s", "15", "!"));
        assertEquals("$16\r\nHello RediXYZ\0\0!\r\n", h.call("GET", "s"));
    }

    @Test
    void setrangeWithEmptyValueChangesNothing() {
        assertEquals(integer(0), h.call("SETRANGE", "nk", "0", ""));
        assertEquals(integer(0), h.call("SETRANGE", "nk", "9223372036854775807", ""));
        assertEquals(NIL, h.call("GET", "nk"), "no key is created");
        h.call("SET", "k", "abc");
        assertEquals(integer(3), h.call("SETRANGE", "k", "100", ""));
        assertEquals(bulk("abc"), h.call("GET", "k"));
    }

    @Test
    void setrangeErrors() {
        h.storeNonString("l");
        assertEquals(WRONGTYPE, h.call("SETRANGE", "l", "0", "x"));
        assertEquals(WRONGTYPE, h.call("SETRANGE", "l", "0", ""));
        assertEquals(err("ERR offset is out of range"), h.call("SETRANGE", "l", "-1", "x"));
        assertEquals(NOT_INTEGER, h.call("SETRANGE", "k", "x", "ab"));
        assertEquals(TOO_LONG, h.call("SETRANGE", "k", "536870911", "ab"));
        assertEquals(TOO_LONG, h.call("SETRANGE", "k", "9223372036854775807", "ab"), "offset + length overflows");
        h.config.put("proto-max-bulk-len", "1mb"); // the least Redis accepts
        assertEquals(integer(1048576), h.call("SETRANGE", "k", "1048574", "ab"));
        assertEquals(TOO_LONG, h.call("SETRANGE", "k", "1048575", "ab"));
        assertEquals(TOO_LONG, h.call("SETRANGE", "fresh", "1048575", "ab"));
    }

    @Test
    void setrangeKeepsTheTtl() {
        h.call("SET", "k", "v", "EX", "100");
        assertEquals(integer(1), h.call("SETRANGE", "k", "0", "y"));
        assertEquals(100_000, h.pttl("k"));
        assertEquals(bulk("y"), h.call("GET", "k"));
    }
}
