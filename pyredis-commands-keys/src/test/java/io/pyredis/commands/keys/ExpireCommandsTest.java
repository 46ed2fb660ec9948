package io.pyredis.commands.keys;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Harness.START;
import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT, TTL, PTTL, EXPIRETIME, PEXPIRETIME, PERSIST; replies from redis-server 7.0.15. */
class ExpireCommandsTest {

    private final Harness h = new Harness();

    @Test
    void expireSetsRelativeDeadlinesInEachUnit() {
        h.set("k", "v");
        assertEquals(integer(1), h.call("EXPIRE", "k", "100"));
        assertEquals(100_000, h.pttl(0, "k"));
        assertEquals(integer(1), h.call("PEXPIRE", "k", "1500"));
        assertEquals(1500, h.pttl(0, "k"));
        assertEquals(integer(1), h.call("EXPIREAT", "k", Long.toString(START / 1000 + 7)));
        assertEquals(7000, h.pttl(0, "k"));
        assertEquals(integer(1), h.call("PEXPIREAT", "k", Long.toString(START + 42)));
        assertEquals(42, h.pttl(0, "k"));
    }

    @Test
    void missingKeyRepliesZero() {
        assertEquals(integer(0), h.call("EXPIRE", "nokey", "10"));
        assertEquals(integer(0), h.call("PEXPIREAT", "nokey", "1"));
    }

    @Test
    void pastOrNegativeDeadlinesDeleteTheKey() {
        for (String[] cmd : new String[][] {{"EXPIRE", "-1"}, {"EXPIRE", "0"}, {"PEXPIRE", "-100"},
                {"EXPIREAT", "1"}, {"PEXPIREAT", Long.toString(START)}}) {
            h.set("k", "v");
            assertEquals(integer(1), h.call(cmd[0], "k", cmd[1]), cmd[0] + " " + cmd[1]);
            assertNull(h.get(0, "k"), cmd[0] + " " + cmd[1]);
        }
        h.set("k", "v");
        assertEquals(integer(1), h.call("PEXPIREAT", "k", Long.toString(START + 1)));
        assertEquals("v", h.get(0, "k"));
    }

    @Test
    void keyExpiresWhenTheClockPassesItsDeadline() {
        h.set("k", "v");
        h.call("EXPIRE", "k", "10");
        h.clock.advance(9_400);
        assertEquals(integer(1), h.call("TTL", "k"));
        assertEquals(integer(600), h.call("PTTL", "k"));
        h.clock.advance(599);
        assertEquals(integer(0), h.call("TTL", "k"), "1 ms rounds to 0 s");
        assertEquals(integer(1), h.call("PTTL", "k"));
        h.clock.advance(1);
        assertEquals(integer(0), h.call("TTL", "k"));
        assertEquals(integer(0), h.call("PTTL", "k"));
        h.clock.advance(1);
        assertEquals(integer(-2), h.call("TTL", "k"));
        assertEquals(integer(0), h.call("EXISTS", "k"));
    }

    @Test
    void overflowNamesTheCommand() {
        h.set("a", "1");
        assertEquals(err("ERR invalid expire time in 'expire' command"), h.call("EXPIRE", "a", "9223372036854775807"));
        assertEquals(err("ERR invalid expire time in 'expire' command"), h.call("EXPIRE", "a", "-9223372036854775808"));
        assertEquals(err("ERR invalid expire time in 'expire' command"), h.call("EXPIRE", "a", "9223372036854775"));
        assertEquals(err("ERR invalid expire time in 'pexpire' command"), h.call("PEXPIRE", "a", "9223372036854775807"));
        assertEquals(err("ERR invalid expire time in 'expireat' command"),
                h.call("EXPIREAT", "a", "9223372036854775807"));
        assertEquals(integer(1), h.call("PEXPIREAT", "a", "9223372036854775807"));
        assertEquals(integer(9223372036854776L), h.call("EXPIRETIME", "a"));
        assertEquals(integer(Long.MAX_VALUE), h.call("PEXPIRETIME", "a"));
        assertEquals(integer(1), h.call("PEXPIRE", "a", "9223370000000000000"));
        // Checked before the key is looked up.
        assertEquals(err("ERR invalid expire time in 'expire' command"),
                h.call("EXPIRE", "nokey", "9223372036854775807"));
    }

    @Test
    void badArguments() {
        h.set("a", "1");
        assertEquals(NOT_INTEGER, h.call("EXPIRE", "a", "abc"));
        assertEquals(NOT_INTEGER, h.call("EXPIRE", "a", "1.5"));
        assertEquals(NOT_INTEGER, h.call("EXPIRE", "a", "abc", "nx"));
        assertEquals(err("ERR Unsupported option foo"), h.call("EXPIRE", "a", "10", "foo"));
        assertEquals(err("ERR Unsupported option foo"), h.call("EXPIRE", "nokey", "10", "foo"));
        assertEquals(err("ERR Unsupported option foo"), h.call("EXPIRE", "a", "abc", "foo"));
        String nxAnd = err("ERR NX and XX, GT or LT options at the same time are not compatible");
        assertEquals(nxAnd, h.call("EXPIRE", "a", "10", "nx", "xx"));
        assertEquals(nxAnd, h.call("PEXPIRE", "a", "10", "NX", "GT"));
        assertEquals(nxAnd, h.call("EXPIREAT", "nokey", "10", "lt", "nx"));
        assertEquals(err("ERR GT and LT options at the same time are not compatible"),
                h.call("PEXPIREAT", "a", "10", "gt", "lt"));
        assertEquals(err("ERR wrong number of arguments for 'expire' command"), h.call("EXPIRE", "a"));
        assertEquals(integer(-1), h.call("TTL", "a"), "nothing changed");
    }

    @Test
    void nxXxGtLt() {
        h.set("a", "1");
        assertEquals(integer(0), h.call("EXPIRE", "a", "100", "xx"));
        assertEquals(integer(1), h.call("EXPIRE", "a", "100", "nx"));
        assertEquals(integer(0), h.call("EXPIRE", "a", "100", "nx"));
        assertEquals(integer(0), h.call("EXPIRE", "a", "50", "gt"));
        assertEquals(integer(0), h.call("EXPIRE", "a", "100", "gt"), "GT needs strictly greater");
        assertEquals(integer(1), h.call("EXPIRE", "a", "200", "gt"));
        assertEquals(integer(0), h.call("EXPIRE", "a", "300", "lt"));
        assertEquals(integer(1), h.call("EXPIRE", "a", "150", "LT"));
        assertEquals(integer(150), h.call("TTL", "a"));
        assertEquals(integer(0), h.call("EXPIRE", "a", "150", "xx", "gt"));
        assertEquals(integer(1), h.call("EXPIRE", "a", "151", "xx", "gt"));
        assertEquals(integer(1), h.call("PERSIST", "a"));
        // No deadline counts as infinite: LT always passes, GT never does.
        assertEquals(integer(0), h.call("EXPIRE", "a", "100", "gt"));
        assertEquals(integer(0), h.call("EXPIRE", "a", "-5", "gt"));
        assertEquals("1", h.get(0, "a"));
        assertEquals(integer(1), h.call("EXPIRE", "a", "100", "lt"));
        assertEquals(integer(1), h.call("EXPIRE", "a", "-1", "lt"));
        assertNull(h.get(0, "a"), "a past deadline still deletes");
    }

    @Test
    void ttlFamilyRoundsAsRedis() {
        h.set("k", "v");
        assertEquals(integer(-1), h.call("TTL", "k"));
        assertEquals(integer(-1), h.call("PTTL", "k"));
        assertEquals(integer(-1), h.call("EXPIRETIME", "k"));
        assertEquals(integer(-1), h.call("PEXPIRETIME", "k"));
        for (String c : new String[] {"TTL", "PTTL", "EXPIRETIME", "PEXPIRETIME"}) {
            assertEquals(integer(-2), h.call(c, "nokey"), c);
        }
        h.call("PEXPIRE", "k", "1499");
        assertEquals(integer(1), h.call("TTL", "k"));
        h.call("PEXPIRE", "k", "1500");
        assertEquals(integer(2), h.call("TTL", "k"));
        assertEquals(integer(1500), h.call("PTTL", "k"));
        h.call("PEXPIREAT", "k", "4000000000499");
        assertEquals(integer(4000000000L), h.call("EXPIRETIME", "k"));
        h.call("PEXPIREAT", "k", "4000000000500");
        assertEquals(integer(4000000001L), h.call("EXPIRETIME", "k"));
        assertEquals(integer(4000000000500L), h.call("PEXPIRETIME", "k"));
    }

    @Test
    void persist() {
        h.set("k", "v");
        assertEquals(integer(0), h.call("PERSIST", "k"));
        assertEquals(integer(0), h.call("PERSIST", "nokey"));
        h.call("EXPIRE", "k", "10");
        assertEquals(integer(1), h.call("PERSIST", "k"));
        assertEquals(integer(-1), h.call("TTL", "k"));
        h.clock.advance(20_000);
        assertEquals("v", h.get(0, "k"));
    }

    @Test
    void setWithoutKeepTtlIsNotOurBusinessButOverwritingThroughTheDbClearsTheTtl() {
        h.set("k", "v");
        h.call("EXPIRE", "k", "10");
        h.set("k", "w");
        assertEquals(integer(-1), h.call("TTL", "k"));
    }
}
