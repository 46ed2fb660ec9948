package io.pyredis.commands.keys;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedEvents;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write command of the pack reports the keyspace events redis-server 7.0.15 publishes,
 * in the same order, with the same class and name: replays keys-events-redis-7.0.15.tsv (recorded from the real
 * server) and compares each command's reply and events. It covers the emptied keys that
 * also report {@code del} and the no-ops that report nothing.
 */
class KeyspaceEventsTest {

    @Test
    void sameEventsAsRedis() throws IOException {
        Harness h = new Harness();
        List<String> mismatches = RecordedEvents.replay("/keys-events-redis-7.0.15.tsv", h, args -> {
            if (args[0].equals("SELECT")) {
                h.select(Integer.parseInt(args[1]));
            } else {
                h.call(args);
            }
        });
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }
}
