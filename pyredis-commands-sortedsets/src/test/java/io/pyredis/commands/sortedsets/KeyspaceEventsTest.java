package io.pyredis.commands.sortedsets;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedEvents;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write command of the pack reports the keyspace events redis-server 7.0.15 publishes,
 * in the same order, with the same class and name: replays zset-events-redis-7.0.15.tsv (recorded from the real
 * server) and compares each command's reply and events. It covers the emptied keys that
 * also report {@code del} and the no-ops that report nothing.
 */
class KeyspaceEventsTest {

    @Test
    void sameEventsAsRedis() throws IOException {
        Harness h = new SortedSetsHarness();
        List<String> mismatches = RecordedEvents.replay("/zset-events-redis-7.0.15.tsv", h);
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    /**
     * A blocked client is served by running its command again once the key changed, so it
     * reports what the same command would: as redis-server 7.0.15 publishes for a BZPOPMIN
     * blocked on a missing key when another client adds to it.
     */
    @Test
    void servedBlockedPopReportsAsItsCommand() {
        Harness h = new SortedSetsHarness();
        h.canBlock = true;
        assertEquals("", h.call("BZPOPMIN", "z", "0"));
        assertEquals(List.of(), h.events);
        h.call("ZADD", "z", "1", "a");
        assertEquals("*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n", h.call("BZPOPMIN", "z", "0"));
        assertEquals(List.of("z:zadd:z", "z:zpopmin:z", "g:del:z"), h.events);
    }
}
