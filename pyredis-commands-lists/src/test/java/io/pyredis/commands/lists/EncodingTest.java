package io.pyredis.commands.lists;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lists made by the commands start as listpacks and become quicklists past list-max-listpack-size. */
class EncodingTest {

    private final Harness h = new Harness();

    @Test
    void entryLimitFromTheKeyspaceSettings() {
        h.keyspace.encodingLimits().listMaxListpackSize = 4;
        h.call("RPUSH", "l", "a", "b", "c", "d");
        assertEquals("listpack", h.encoding("l"));
        h.call("LINSERT", "l", "BEFORE", "b", "x");
        assertEquals("quicklist", h.encoding("l"));
        h.call("LTRIM", "l", "0", "0");
        assertEquals("quicklist", h.encoding("l"), "never converts back");
    }

    @Test
    void defaultIsEightKilobytesPerNode() {
        String value = "v".repeat(500);
        for (int i = 0; i < 16; i++) {
            h.call("RPUSH", "l", value);
        }
        assertEquals("listpack", h.encoding("l"), "16 x 503 bytes fit in 8 KB");
        h.call("RPUSH", "l", value);
        assertEquals("quicklist", h.encoding("l"));
        h.call("RPUSH", "big", "x".repeat(8200));
        assertEquals("quicklist", h.encoding("big"), "one element larger than a node");
    }

    @Test
    void lsetCanOverflowTheNode() {
        h.call("RPUSH", "l", "a", "b");
        h.call("LSET", "l", "0", "x".repeat(9000));
        assertEquals("quicklist", h.encoding("l"));
    }
}
