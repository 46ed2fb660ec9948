package io.pyredis.commands.strings;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedPropagationTests;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pack's propagation checked against Redis 7.0.15 (see {@link RecordedPropagationTests}). */
class PropagationTest extends RecordedPropagationTests {

    @Override
    protected String scenario() {
        return "/strings-propagation-redis-7.0.15.tsv";
    }

    @Test
    void aKeyFoundExpiredIsRecordedAsADelBeforeTheCommand() {
        Harness h = new Harness();
        h.call("SET", "k", "v", "PX", "100");
        h.clock.advance(200);
        h.call("APPEND", "k", "x");
        // The DEL is the server's (Redis's lazy expiry propagates it), the APPEND the command's.
        assertEquals(List.of("DEL k", "APPEND k x"), h.lastRecorded());
    }
}
