package io.pyredis.commands.geo;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedEvents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The geo commands report the keyspace events redis-server 7.0.15 publishes: GEOADD ZADD's
 * {@code zadd}, the STORE forms {@code georadiusstore} / {@code geosearchstore}, or a
 * {@code del} when an empty result removes the destination (geo-events-redis-7.0.15.tsv).
 */
class KeyspaceEventsTest {

    @Test
    void sameEventsAsRedis() throws IOException {
        List<String> mismatches = RecordedEvents.replay("/geo-events-redis-7.0.15.tsv", new Harness());
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }
}
