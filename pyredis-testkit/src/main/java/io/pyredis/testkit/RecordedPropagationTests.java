package io.pyredis.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two checks every pack makes of its propagation, inherited by the pack's
 * {@code PropagationTest}: every write command of the pack is recorded in the append-only
 * file as redis-server 7.0.15 records it (the scenario file holds what the real server
 * appended to its AOF for each command, compared with what the harness would record); and
 * loading what was recorded into a fresh keyspace a millisecond later gives the same data,
 * TTLs included. A millisecond moves every deadline a command computes from the clock, so
 * a relative time recorded as such shows; it is short of the scenario's deadlines, so no
 * key expires in between (Redis does not expire keys while it loads the AOF, which a
 * harness replaying commands does not emulate).
 */
public abstract class RecordedPropagationTests {

    /** The scenario resource, such as {@code "/hashes-propagation-redis-7.0.15.tsv"}. */
    protected abstract String scenario();

    /**
     * Mismatch lines (as {@link RecordedPropagation#check} words them) that are known and
     * explained differences from Redis; none by default.
     */
    protected List<String> knownDifferences() {
        return List.of();
    }

    @Test
    void recordsWhatRedisRecords() throws IOException {
        List<String> mismatches = RecordedPropagation.check(scenario(), new Harness());
        mismatches.removeIf(m -> knownDifferences().stream().anyMatch(m::contains));
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    @Test
    void replayingTheRecordLaterGivesTheSameData() throws IOException {
        Harness h = new Harness();
        RecordedPropagation.check(scenario(), h);
        String[] dumps = RecordedPropagation.replayLater(h, new Harness(), 1);
        assertEquals(dumps[0], dumps[1]);
    }
}
