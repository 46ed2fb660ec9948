package io.pyredis.commands.keys;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static io.pyredis.testkit.Resp.NIL;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OBJECT and its subcommands; texts from redis-server 7.0.15. */
class ObjectCommandTest {

    private static final String LFU_NOT_SELECTED = err("ERR An LFU maxmemory policy is not selected, access frequency"
            + " not tracked. Please note that when switching between policies at runtime LRU and LFU data will take"
            + " some time to adjust.");
    private static final String LFU_SELECTED = err("ERR An LFU maxmemory policy is selected, idle time not tracked."
            + " Please note that when switching between policies at runtime LRU and LFU data will take some time to"
            + " adjust.");

    private final Harness h = new Harness();

    @Test
    void encoding() {
        h.set("i", "12345");
        h.set("e", "hello");
        h.set("r", "x".repeat(45));
        h.storeList("l");
        assertEquals(bulk("int"), h.call("OBJECT", "ENCODING", "i"));
        assertEquals(bulk("embstr"), h.call("object", "encoding", "e"));
        assertEquals(bulk("raw"), h.call("OBJECT", "ENCODING", "r"));
        assertEquals(bulk("quicklist"), h.call("OBJECT", "ENCODING", "l"));
        assertEquals(NIL, h.call("OBJECT", "ENCODING", "nokey"));
        assertEquals("_\r\n", new Harness().resp3().call("OBJECT", "ENCODING", "nokey"));
    }

    @Test
    void refcountReportsRedisSharedIntegers() {
        h.set("n", "9999");
        assertEquals(integer(Integer.MAX_VALUE), h.call("OBJECT", "REFCOUNT", "n"));
        h.set("n", "0");
        assertEquals(integer(Integer.MAX_VALUE), h.call("OBJECT", "REFCOUNT", "n"));
        h.set("n", "10000");
        assertEquals(integer(1), h.call("OBJECT", "REFCOUNT", "n"));
        h.set("n", "-1");
        assertEquals(integer(1), h.call("OBJECT", "REFCOUNT", "n"));
        h.set("n", "007");
        assertEquals(integer(1), h.call("OBJECT", "REFCOUNT", "n"));
        assertEquals(NIL, h.call("OBJECT", "REFCOUNT", "nokey"));
        h.set("n", "5");
        h.config.put("maxmemory", "1000000");
        h.config.put("maxmemory-policy", "allkeys-lru");
        assertEquals(integer(1), h.call("OBJECT", "REFCOUNT", "n"));
    }

    @Test
    void idletimeFollowsTheClockAndAccesses() {
        h.set("k", "v");
        assertEquals(integer(0), h.call("OBJECT", "IDLETIME", "k"));
        h.clock.advance(61_500);
        assertEquals(integer(61), h.call("OBJECT", "IDLETIME", "k"));
        assertEquals(integer(61), h.call("OBJECT", "IDLETIME", "k"), "OBJECT itself is no access");
        h.call("EXISTS", "k");
        h.call("TTL", "k");
        assertEquals(integer(61), h.call("OBJECT", "IDLETIME", "k"), "nor are EXISTS and TTL");
        h.call("TOUCH", "k");
        assertEquals(integer(0), h.call("OBJECT", "IDLETIME", "k"));
        assertEquals(NIL, h.call("OBJECT", "IDLETIME", "nokey"));
        h.config.put("maxmemory-policy", "allkeys-lfu");
        assertEquals(LFU_SELECTED, h.call("OBJECT", "IDLETIME", "k"));
        assertEquals(NIL, h.call("OBJECT", "IDLETIME", "nokey"), "a missing key is answered first");
    }

    @Test
    void freqNeedsAnLfuPolicy() {
        h.set("k", "v");
        assertEquals(LFU_NOT_SELECTED, h.call("OBJECT", "FREQ", "k"));
        assertEquals(NIL, h.call("OBJECT", "FREQ", "nokey"));
        h.config.put("maxmemory-policy", "volatile-lfu");
        // A new key starts at Redis's LFU_INIT_VAL; each of the first reads adds one for sure.
        assertEquals(integer(5), h.call("OBJECT", "FREQ", "k"));
        h.call("TOUCH", "k");
        assertEquals(integer(6), h.call("OBJECT", "FREQ", "k"));
        for (int i = 0; i < 1000; i++) {
            h.call("TOUCH", "k");
        }
        String many = h.call("OBJECT", "FREQ", "k");
        long f = Long.parseLong(many.substring(1, many.length() - 2));
        assertTrue(f > 6 && f < 30, "logarithmic growth: " + f);
        // Decays by one per idle minute (lfu-decay-time 1).
        h.clock.advance(3 * 60_000);
        assertEquals(integer(f - 3), h.call("OBJECT", "FREQ", "k"));
        h.clock.advance(1000L * 60_000);
        assertEquals(integer(0), h.call("OBJECT", "FREQ", "k"));
    }

    @Test
    void helpAndErrors() {
        String help = h.call("OBJECT", "HELP");
        assertTrue(help.startsWith("*15\r\n+OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                + "+ENCODING <key>\r\n"), help);
        assertTrue(help.endsWith("+HELP\r\n+    Prints this help.\r\n"), help);
        assertEquals(help, h.call("object", "Help"));
        assertEquals(err("ERR unknown subcommand 'foo'. Try OBJECT HELP."), h.call("OBJECT", "foo"));
        assertEquals(err("ERR wrong number of arguments for 'object' command"), h.call("OBJECT"));
        assertEquals(err("ERR wrong number of arguments for 'object|encoding' command"), h.call("OBJECT", "ENCODING"));
        assertEquals(err("ERR wrong number of arguments for 'object|help' command"), h.call("OBJECT", "HELP", "x"));
    }
}
