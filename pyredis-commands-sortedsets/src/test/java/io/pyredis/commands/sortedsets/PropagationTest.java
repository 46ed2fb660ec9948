package io.pyredis.commands.sortedsets;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedPropagation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write command of the pack is recorded in the append-only file as redis-server 7.0.15
 * records it: replays sortedsets-propagation-redis-7.0.15.tsv (what the real server appended to its
 * AOF for each command) and compares what the harness would record; then loads what was
 * recorded into a fresh keyspace a millisecond later and checks it holds the same data, TTLs
 * included. A millisecond moves every deadline a command computes from the clock, so a
 * relative time recorded as such shows; it is short of the scenario's deadlines, so no key
 * expires in between (Redis does not expire keys while it loads the AOF, which a harness
 * replaying commands does not emulate).
 */
class PropagationTest {

    private static final String SCENARIO = "/sortedsets-propagation-redis-7.0.15.tsv";

    @Test
    void recordsWhatRedisRecords() throws IOException {
        Harness h = new Harness();
        List<String> mismatches = RecordedPropagation.check(SCENARIO, h);
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    @Test
    void aPopServedAfterBlockingIsRecordedAsItsNonBlockingForm() {
        String[][] cases = {
                {"BZPOPMIN q 0", "ZPOPMIN q"},
                {"BZPOPMAX nokey q 0", "ZPOPMAX q"},
                {"BZMPOP 0 1 q MAX COUNT 5", "ZPOPMAX q 2"}};
        for (String[] c : cases) {
            Harness h = new Harness();
            h.canBlock = true;
            String[] blocking = c[0].split(" ");
            assertEquals("", h.call(blocking), c[0] + " blocks");
            assertEquals(List.of(), h.lastRecorded(), c[0] + " records nothing while it waits");
            h.call("ZADD", "q", "1", "a", "2", "b");
            h.call(blocking); // woken by the ZADD: the server runs it again
            assertEquals(List.of(c[1]), h.lastRecorded(), c[0]);
        }
    }

    @Test
    void replayingTheRecordLaterGivesTheSameData() throws IOException {
        Harness h = new Harness();
        RecordedPropagation.check(SCENARIO, h);
        String[] dumps = RecordedPropagation.replayLater(h, new Harness(), 1);
        assertEquals(dumps[0], dumps[1]);
    }
}
