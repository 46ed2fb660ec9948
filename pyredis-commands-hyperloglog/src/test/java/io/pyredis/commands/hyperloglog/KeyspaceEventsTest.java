package io.pyredis.commands.hyperloglog;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedEvents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pack's replies and keyspace events against redis-server 7.0.15's, recorded in
 * hll-events-redis-7.0.15.tsv: the values themselves are compared byte for byte through
 * GET (sparse opcodes, promotion to dense, cached cardinality), as are the estimates,
 * PFDEBUG's output, the error texts for other strings and corrupt ones, and the
 * {@code pfadd} events of PFADD and PFMERGE.
 */
class KeyspaceEventsTest {

    @Test
    void sameRepliesAndEventsAsRedis() throws IOException {
        Harness h = new Harness();
        List<String> mismatches = RecordedEvents.replay("/hll-events-redis-7.0.15.tsv", h);
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }
}
