package io.pyredis.commands.hashes;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.NOT_FLOAT;
import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.OK;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.array;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HSET ... HINCRBYFLOAT; expected replies taken from redis-server 7.0.15. */
class HashCommandsTest {

    private final Harness h = new Harness();

    @Test
    void setGetAndFriends() {
        assertEquals(integer(2), h.call("HSET", "h", "a", "1", "b", "2"));
        assertEquals(integer(1), h.call("HSET", "h", "a", "10", "c", "3"), "only new fields count");
        assertEquals(bulk("10"), h.call("HGET", "h", "a"));
        assertEquals(NIL, h.call("HGET", "h", "zz"));
        assertEquals(NIL, h.call("HGET", "nokey", "a"));
        assertEquals(array(bulk("10"), NIL, bulk("3")), h.call("HMGET", "h", "a", "zz", "c"));
        assertEquals(array(NIL, NIL), h.call("HMGET", "nokey", "a", "b"));
        assertEquals(OK, h.call("HMSET", "h", "d", "4"));
        assertEquals(integer(4), h.call("HLEN", "h"));
        assertEquals(integer(0), h.call("HLEN", "nokey"));
        assertEquals(integer(2), h.call("HSTRLEN", "h", "a"));
        assertEquals(integer(0), h.call("HSTRLEN", "h", "zz"));
        assertEquals(integer(1), h.call("HEXISTS", "h", "a"));
        assertEquals(integer(0), h.call("HEXISTS", "h", "zz"));
        assertEquals(integer(0), h.call("HEXISTS", "nokey", "a"));
        assertEquals(integer(0), h.call("HSETNX", "h", "a", "x"));
        assertEquals(integer(1), h.call("HSETNX", "h", "e", "5"));
        assertEquals(integer(1), h.call("HSETNX", "new", "f", "v"));
        assertEquals(bulk("v"), h.call("HGET", "new", "f"));
    }

    @Test
    void oddPairsAreAnArityError() {
        assertEquals(err("ERR wrong number of arguments for 'hset' command"), h.call("HSET", "h", "a", "b", "c"));
        assertEquals(err("ERR wrong number of arguments for 'hmset' command"), h.call("HMSET", "h", "a", "b", "c"));
        assertEquals(err("ERR wrong number of arguments for 'hset' command"), h.call("HSET", "h", "a"));
        h.storeString("s");
        assertEquals(err("ERR wrong number of arguments for 'hset' command"), h.call("HSET", "s", "a", "b", "c"),
                "arguments are checked before the key");
        assertFalse(h.exists("h"));
    }

    @Test
    void keysValsGetAllInBothProtocols() {
        h.call("HSET", "h", "a", "1", "b", "2");
        assertEquals(array(bulk("a"), bulk("b")), h.call("HKEYS", "h"));
        assertEquals(array(bulk("1"), bulk("2")), h.call("HVALS", "h"));
        assertEquals(array(bulk("a"), bulk("1"), bulk("b"), bulk("2")), h.call("HGETALL", "h"));
        assertEquals("*0\r\n", h.call("HGETALL", "nokey"));
        assertEquals("*0\r\n", h.call("HKEYS", "nokey"));
        h.resp3();
        assertEquals("%2\r\n" + bulk("a") + bulk("1") + bulk("b") + bulk("2"), h.call("HGETALL", "h"));
        assertEquals("%0\r\n", h.call("HGETALL", "nokey"));
        assertEquals("*0\r\n", h.call("HVALS", "nokey"));
        assertEquals("*2\r\n" + bulk("1") + "_\r\n", h.call("HMGET", "h", "a", "zz"));
    }

    @Test
    void hdelDeletesTheEmptiedHash() {
        h.call("HSET", "h", "a", "1", "b", "2");
        assertEquals(integer(1), h.call("HDEL", "h", "a", "zz"));
        assertTrue(h.exists("h"));
        assertEquals(integer(1), h.call("HDEL", "h", "b", "b"));
        assertFalse(h.exists("h"));
        assertEquals(integer(0), h.call("HDEL", "h", "b"));
    }

    @Test
    void wrongType() {
        h.storeString("s");
        for (String[] c : new String[][] {
                {"HSET", "s", "a", "b"}, {"HSETNX", "s", "a", "b"}, {"HGET", "s", "a"}, {"HMGET", "s", "a"},
                {"HMSET", "s", "a", "b"}, {"HDEL", "s", "a"}, {"HLEN", "s"}, {"HSTRLEN", "s", "a"},
                {"HEXISTS", "s", "a"}, {"HKEYS", "s"}, {"HVALS", "s"}, {"HGETALL", "s"},
                {"HINCRBY", "s", "a", "1"}, {"HINCRBYFLOAT", "s", "a", "1"}, {"HRANDFIELD", "s"},
                {"HRANDFIELD", "s", "2"}, {"HRANDFIELD", "s", "0"}, {"HSCAN", "s", "0"}}) {
            assertEquals(WRONGTYPE, h.call(c), String.join(" ", c));
        }
    }

    @Test
    void hincrby() {
        assertEquals(integer(5), h.call("HINCRBY", "nokey", "f", "5"));
        h.call("HSET", "h", "i", "10", "a", "abc", "lead", "01");
        assertEquals(integer(9), h.call("HINCRBY", "h", "i", "-1"));
        assertEquals(bulk("9"), h.call("HGET", "h", "i"));
        assertEquals(err("ERR hash value is not an integer"), h.call("HINCRBY", "h", "a", "1"));
        assertEquals(err("ERR hash value is not an integer"), h.call("HINCRBY", "h", "lead", "1"));
        assertEquals(NOT_INTEGER, h.call("HINCRBY", "h", "i", "x"));
        assertEquals(NOT_INTEGER, h.call("HINCRBY", "h", "i", "1.5"));
        assertEquals(err("ERR increment or decrement would overflow"),
                h.call("HINCRBY", "h", "i", "9223372036854775807"));
        h.call("HSET", "h", "neg", "-9223372036854775808");
        assertEquals(err("ERR increment or decrement would overflow"), h.call("HINCRBY", "h", "neg", "-1"));
        assertEquals(integer(-1), h.call("HINCRBY", "h", "neg", "9223372036854775807"));
        assertEquals(integer(-9223372036854775808L), h.call("HINCRBY", "h", "new", "-9223372036854775808"));
        h.storeString("s");
        assertEquals(NOT_INTEGER, h.call("HINCRBY", "s", "i", "x"), "the increment is parsed before the lookup");
    }

    @Test
    void hincrbyfloat() {
        assertEquals(bulk("10.5"), h.call("HINCRBYFLOAT", "h", "f", "10.5"));
        assertEquals(bulk("10.6"), h.call("HINCRBYFLOAT", "h", "f", "0.1"));
        h.call("HSET", "h", "g", "5.0e3", "n", "9223372036854775807", "lead", "01", "inf", "inf", "a", "abc");
        assertEquals(bulk("5200"), h.call("HINCRBYFLOAT", "h", "g", "2.0e2"));
        assertEquals(bulk("3"), h.call("HINCRBYFLOAT", "h", "x", "3.0000000000000000001"));
        assertEquals(bulk("0"), h.call("HINCRBYFLOAT", "h", "y", "-0.0"));
        assertEquals(bulk("1.23456789012345679"), h.call("HINCRBYFLOAT", "h", "z", "1.23456789012345678901234"));
        assertEquals(bulk("9223372036854775808"), h.call("HINCRBYFLOAT", "h", "n", "1"), "long double precision");
        assertEquals(bulk("2"), h.call("HINCRBYFLOAT", "h", "lead", "1"));
        assertEquals(bulk("16"), h.call("HINCRBYFLOAT", "h", "hex", "0x10"));
        assertEquals(err("ERR hash value is not a float"), h.call("HINCRBYFLOAT", "h", "a", "1"));
        assertEquals(err("ERR increment would produce NaN or Infinity"), h.call("HINCRBYFLOAT", "h", "inf", "1"));
        assertEquals(err("ERR value is NaN or Infinity"), h.call("HINCRBYFLOAT", "h", "f", "inf"));
        assertEquals(NOT_FLOAT, h.call("HINCRBYFLOAT", "h", "f", "nan"));
        assertEquals(NOT_FLOAT, h.call("HINCRBYFLOAT", "h", "f", "x"));
        assertEquals(NOT_FLOAT, h.call("HINCRBYFLOAT", "h", "f", "1e4933"));
        h.call("HSET", "h", "big", "1e4932");
        assertEquals(err("ERR increment would produce NaN or Infinity"),
                h.call("HINCRBYFLOAT", "h", "big", "1e4932"));
        assertEquals(bulk("10.6"), h.call("HGET", "h", "f"), "failed increments change nothing");
    }

    @Test
    void encodingFollowsTheLimits() {
        h.call("HSET", "h", "a", "1");
        assertEquals("listpack", h.encoding("h"));
        h.call("HSET", "h", "long", "x".repeat(65));
        assertEquals("hashtable", h.encoding("h"));
        h.limits.hashMaxListpackEntries = 2;
        h.call("HSET", "g", "a", "1", "b", "2");
        assertEquals("listpack", h.encoding("g"));
        h.call("HINCRBY", "g", "c", "1");
        assertEquals("hashtable", h.encoding("g"));
        h.call("HDEL", "g", "a", "b");
        assertEquals("hashtable", h.encoding("g"), "never back to listpack");
        h.call("HINCRBYFLOAT", "p", "f", "1");
        assertEquals("listpack", h.encoding("p"));
    }
}
