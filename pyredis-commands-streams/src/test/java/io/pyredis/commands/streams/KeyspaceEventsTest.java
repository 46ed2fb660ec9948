package io.pyredis.commands.streams;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedEvents;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream commands report the keyspace events redis-server 7.0.15 publishes (class
 * {@code t}: xadd, xtrim, xdel, xsetid, xgroup-*), in the same order: replays
 * streams-events-redis-7.0.15.tsv and compares each command's reply and events.
 */
class KeyspaceEventsTest {

    @Test
    void sameEventsAsRedis() throws IOException {
        Harness h = new Harness();
        List<String> mismatches = RecordedEvents.replay("/streams-events-redis-7.0.15.tsv", h);
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }
}
