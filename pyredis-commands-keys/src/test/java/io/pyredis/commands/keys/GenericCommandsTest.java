package io.pyredis.commands.keys;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DEL, UNLINK, EXISTS, TOUCH, TYPE, RANDOMKEY (replies checked against redis-server 7.0.15). */
class GenericCommandsTest {

    private final Harness h = new Harness();

    @Test
    void delCountsKeysThatExistedOnce() {
        h.set("a", "1");
        h.set("b", "2");
        h.storeList("l");
        assertEquals(integer(3), h.call("DEL", "a", "a", "b", "l", "missing"));
        assertNull(h.get(0, "a"));
        assertEquals(integer(0), h.call("del", "a"));
    }

    @Test
    void unlinkIsDel() {
        h.set("a", "1");
        assertEquals(integer(1), h.call("UNLINK", "a", "a", "zz"));
        assertEquals(integer(0), h.call("EXISTS", "a"));
    }

    @Test
    void existsCountsRepeats() {
        h.set("n", "1");
        assertEquals(integer(2), h.call("EXISTS", "n", "n", "nokey"));
        assertEquals(integer(0), h.call("EXISTS", "nokey"));
    }

    @Test
    void touchCountsExistingKeysAndResetsIdleTime() {
        h.set("n", "1");
        h.clock.advance(30_000);
        assertEquals(integer(30), h.call("OBJECT", "IDLETIME", "n"));
        assertEquals(integer(2), h.call("TOUCH", "n", "n", "nokey"));
        assertEquals(integer(0), h.call("OBJECT", "IDLETIME", "n"));
    }

    @Test
    void typeNamesTheTypeAndNoneForMissing() {
        h.set("s", "x");
        h.storeList("l");
        assertEquals("+string\r\n", h.call("TYPE", "s"));
        assertEquals("+list\r\n", h.call("TYPE", "l"));
        assertEquals("+none\r\n", h.call("TYPE", "nokey"));
    }

    @Test
    void typeDoesNotCountAsAnAccess() {
        h.set("s", "x");
        h.clock.advance(5_000);
        h.call("TYPE", "s");
        assertEquals(integer(5), h.call("OBJECT", "IDLETIME", "s"));
    }

    @Test
    void expiredKeysAreInvisibleToEveryCommand() {
        h.set("k", "v");
        assertEquals(integer(1), h.call("PEXPIRE", "k", "100"));
        h.clock.advance(100);
        assertEquals(integer(1), h.call("EXISTS", "k"), "alive at its deadline");
        h.clock.advance(1);
        assertEquals(integer(0), h.call("EXISTS", "k"));
        h.set("k", "v");
        h.call("PEXPIRE", "k", "100");
        h.clock.advance(101);
        assertEquals("+none\r\n", h.call("TYPE", "k"));
        h.set("k", "v");
        h.call("PEXPIRE", "k", "100");
        h.clock.advance(101);
        assertEquals("*0\r\n", h.call("KEYS", "*"));
        assertEquals(NIL, h.call("RANDOMKEY"));
        assertEquals(integer(0), h.call("DEL", "k"));
        assertEquals(integer(0), h.call("TOUCH", "k"));
    }

    @Test
    void randomKey() {
        assertEquals(NIL, h.call("RANDOMKEY"));
        h.set("only", "1");
        assertEquals(bulk("only"), h.call("RANDOMKEY"));
        h.set("other", "2");
        String r = h.call("RANDOMKEY");
        assertTrue(r.equals(bulk("only")) || r.equals(bulk("other")), r);
        assertEquals("_\r\n", new Harness().resp3().call("RANDOMKEY"));
    }

    @Test
    void arity() {
        assertEquals(err("ERR wrong number of arguments for 'del' command"), h.call("DEL"));
        assertEquals(err("ERR wrong number of arguments for 'type' command"), h.call("TYPE", "a", "b"));
        assertEquals(err("ERR wrong number of arguments for 'randomkey' command"), h.call("RANDOMKEY", "x"));
    }
}
