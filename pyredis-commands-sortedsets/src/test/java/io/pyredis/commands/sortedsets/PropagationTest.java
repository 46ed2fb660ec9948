package io.pyredis.commands.sortedsets;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedPropagationTests;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pack's propagation checked against Redis 7.0.15 (see {@link RecordedPropagationTests}). */
class PropagationTest extends RecordedPropagationTests {

    @Override
    protected String scenario() {
        return "/sortedsets-propagation-redis-7.0.15.tsv";
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
}
