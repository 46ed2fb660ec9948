package io.pyredis.commands.lists;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.NULL_ARRAY;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.WRONGTYPE;
import static io.pyredis.testkit.Resp.array;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.bulks;
import static io.pyredis.testkit.Resp.err;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The blocking commands as one execution sees them: serve at once when they can, else ask
 * to block on the right keys for the right time, or reply as Redis does where a client
 * cannot block (inside MULTI). Waking and timing out are the server's, tested there.
 */
class BlockingCommandsTest {

    private static final String TIMEOUT_NOT_FLOAT = err("ERR timeout is not a float or out of range");
    private static final String TIMEOUT_NEGATIVE = err("ERR timeout is negative");

    private final Harness h = new Harness();

    @Test
    void servedAtOnceFromTheFirstNonEmptyKey() {
        h.canBlock = true;
        h.call("RPUSH", "b", "1", "2");
        assertEquals(bulks("b", "1"), h.call("BLPOP", "a", "b", "0"));
        assertEquals(bulks("b", "2"), h.call("BRPOP", "a", "b", "0"));
        h.call("RPUSH", "src", "x");
        assertEquals(bulk("x"), h.call("BLMOVE", "src", "dst", "LEFT", "RIGHT", "0"));
        assertEquals(bulk("x"), h.call("BRPOPLPUSH", "dst", "src", "0"));
        assertEquals(array(bulk("src"), bulks("x")), h.call("BLMPOP", "0", "2", "a", "src", "LEFT", "COUNT", "5"));
        assertNull(h.blockedKeys, "nothing blocked");
    }

    @Test
    void blocksOnItsKeysWithTheTimeoutInMilliseconds() {
        h.canBlock = true;
        assertEquals("", h.call("BLPOP", "a", "b", "1.5"));
        assertEquals(List.of("a", "b"), h.blockedKeyNames());
        assertEquals(1500, h.blockedTimeout);
        assertEquals("", h.call("BRPOP", "c", "0"));
        assertEquals(List.of("c"), h.blockedKeyNames());
        assertEquals(0, h.blockedTimeout);
        assertEquals("", h.call("BLMOVE", "src", "dst", "LEFT", "LEFT", "0.1"));
        assertEquals(List.of("src"), h.blockedKeyNames());
        assertEquals(100, h.blockedTimeout);
        assertEquals("", h.call("BRPOPLPUSH", "s2", "dst", "2"));
        assertEquals(List.of("s2"), h.blockedKeyNames());
        assertEquals(2000, h.blockedTimeout);
        assertEquals("", h.call("BLMPOP", "0.0001", "2", "x", "y", "RIGHT"));
        assertEquals(List.of("x", "y"), h.blockedKeyNames());
        assertEquals(1, h.blockedTimeout, "rounded up to the millisecond");
    }

    @Test
    void timeoutsAsRedisParsesThem() {
        h.canBlock = true;
        assertEquals(TIMEOUT_NOT_FLOAT, h.call("BLPOP", "k", "abc"));
        assertEquals(TIMEOUT_NOT_FLOAT, h.call("BLPOP", "k", "nan"));
        assertEquals(TIMEOUT_NOT_FLOAT, h.call("BLPOP", "k", " 1"));
        assertEquals(TIMEOUT_NEGATIVE, h.call("BLPOP", "k", "-1"));
        assertEquals(TIMEOUT_NEGATIVE, h.call("BLPOP", "k", "inf"));
        assertEquals(TIMEOUT_NEGATIVE, h.call("BLPOP", "k", "1e16"), "milliseconds overflow a long long");
        assertEquals(TIMEOUT_NEGATIVE, h.call("BRPOPLPUSH", "k", "d", "-1"));
        assertEquals("", h.call("BLPOP", "k", "-0.0001"));
        assertEquals(0, h.blockedTimeout, "rounds up to 0: for ever");
        assertEquals("", h.call("BLPOP", "k", "1e-300"));
        assertEquals(1, h.blockedTimeout);
    }

    @Test
    void argumentErrorsComeInRedisOrder() {
        assertEquals(err("ERR numkeys should be greater than 0"), h.call("BLMPOP", "abc", "0", "k", "LEFT"));
        assertEquals(SYNTAX, h.call("BLMPOP", "abc", "1", "k", "up"));
        assertEquals(err("ERR count should be greater than 0"), h.call("BLMPOP", "abc", "1", "k", "LEFT", "COUNT", "0"));
        assertEquals(TIMEOUT_NOT_FLOAT, h.call("BLMPOP", "abc", "1", "k", "LEFT"));
        assertEquals(SYNTAX, h.call("BLMOVE", "a", "b", "up", "left", "abc"));
        h.storeString("s");
        assertEquals(TIMEOUT_NOT_FLOAT, h.call("BLPOP", "s", "abc"));
        assertEquals(WRONGTYPE, h.call("BLPOP", "s", "0"));
        assertEquals(TIMEOUT_NOT_FLOAT, h.call("BLMOVE", "s", "b", "left", "left", "abc"));
        h.call("RPUSH", "l", "x");
        assertEquals(WRONGTYPE, h.call("BLMOVE", "l", "s", "left", "left", "0"));
    }

    @Test
    void whereBlockingIsRefusedTheyReplyAtOnce() {
        h.canBlock = false;
        assertEquals(NULL_ARRAY, h.call("BLPOP", "a", "0"));
        assertEquals(NULL_ARRAY, h.call("BRPOP", "a", "0"));
        assertEquals(NULL_ARRAY, h.call("BLMPOP", "0", "1", "a", "LEFT"));
        // BLMOVE's immediate reply is a null bulk although its timeout reply is a null array.
        assertEquals(NIL, h.call("BLMOVE", "a", "b", "LEFT", "LEFT", "0"));
        assertEquals(NIL, h.call("BRPOPLPUSH", "a", "b", "0"));
        h.storeString("s");
        assertEquals(NIL, h.call("BLMOVE", "a", "s", "LEFT", "LEFT", "0"), "a missing source never looks at the destination");
    }

    @Test
    void timeoutRepliesAreNullArrays() {
        assertEquals(NULL_ARRAY, h.timeoutReply("BLPOP", "a", "0"));
        assertEquals(NULL_ARRAY, h.timeoutReply("BLMOVE", "a", "b", "LEFT", "LEFT", "0"));
        assertEquals(NULL_ARRAY, h.timeoutReply("BRPOPLPUSH", "a", "b", "0"));
        assertEquals(NULL_ARRAY, h.timeoutReply("BLMPOP", "0", "1", "a", "LEFT"));
        h.resp3();
        assertEquals("_\r\n", h.timeoutReply("BRPOP", "a", "0"));
    }
}
