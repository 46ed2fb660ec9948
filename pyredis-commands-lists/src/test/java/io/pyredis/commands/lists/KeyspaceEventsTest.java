package io.pyredis.commands.lists;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedEvents;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write command of the pack reports the keyspace events redis-server 7.0.15 publishes,
 * in the same order, with the same class and name: replays lists-events-redis-7.0.15.tsv (recorded from the real
 * server) and compares each command's reply and events. It covers the emptied keys that
 * also report {@code del} and the no-ops that report nothing.
 */
class KeyspaceEventsTest {

    @Test
    void sameEventsAsRedis() throws IOException {
        Harness h = new Harness();
        List<String> mismatches = RecordedEvents.replay("/lists-events-redis-7.0.15.tsv", h);
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    /**
     * A blocked client is served by running its command again once the key changed, so it
     * reports what the same command would: as redis-server 7.0.15 publishes for a BLMOVE
     * blocked on an empty source when another client pushes onto it.
     */
    @Test
    void servedBlockedMoveReportsAsItsCommand() {
        Harness h = new Harness();
        h.canBlock = true;
        assertEquals("", h.call("BLMOVE", "src", "dst", "LEFT", "RIGHT", "0"));
        assertEquals(List.of(), h.events);
        h.call("RPUSH", "src", "a");
        assertEquals("$1\r\na\r\n", h.call("BLMOVE", "src", "dst", "LEFT", "RIGHT", "0"));
        assertEquals(List.of("l:rpush:src", "l:rpush:dst", "l:lpop:src", "g:del:src"), h.events);
    }
}
