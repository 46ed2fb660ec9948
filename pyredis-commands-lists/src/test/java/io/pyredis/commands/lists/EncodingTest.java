package io.pyredis.commands.lists;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every list made by the commands is a quicklist, whatever its size, as in Redis 7.0 (7.2 added the listpack list). */
class EncodingTest {

    private final Harness h = new Harness();

    @Test
    void smallAndLargeListsAreQuicklists() {
        h.keyspace.encodingLimits().listMaxListpackSize = 4;
        h.call("RPUSH", "l", "a");
        assertEquals("quicklist", h.encoding("l"));
        h.call("RPUSH", "l", "b", "c", "d", "e");
        h.call("LINSERT", "l", "BEFORE", "b", "x");
        assertEquals("quicklist", h.encoding("l"));
        h.call("LTRIM", "l", "0", "0");
        assertEquals("quicklist", h.encoding("l"));
        h.call("LPUSH", "big", "x".repeat(9000));
        assertEquals("quicklist", h.encoding("big"));
        h.call("LMOVE", "big", "dst", "LEFT", "RIGHT");
        assertEquals("quicklist", h.encoding("dst"));
    }
}
