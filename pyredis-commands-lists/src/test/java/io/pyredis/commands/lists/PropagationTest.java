package io.pyredis.commands.lists;

import io.pyredis.testkit.Harness;
import io.pyredis.testkit.RecordedPropagationTests;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pack's propagation checked against Redis 7.0.15 (see {@link RecordedPropagationTests}). */
class PropagationTest extends RecordedPropagationTests {

    @Override
    protected String scenario() {
        return "/lists-propagation-redis-7.0.15.tsv";
    }

    /**
     * An LTRIM that trims nothing still marks the key modified (WATCH fails, blocked
     * clients look again, as in Redis), which records it; Redis counts no change and
     * records nothing. Replaying it changes nothing either.
     */
    @Override
    protected List<String> knownDifferences() {
        return List.of(" LTRIM l3 0 -1: recorded [LTRIM l3 0 -1], Redis []");
    }

    @Test
    void aPopServedAfterBlockingIsRecordedAsItsNonBlockingForm() {
        String[][] cases = {
                {"BLPOP q 0", "LPOP q"},
                {"BRPOP nokey q 0", "RPOP q"},
                {"BLMOVE q d RIGHT LEFT 0", "LMOVE q d RIGHT LEFT"},
                {"BRPOPLPUSH q d 0", "RPOPLPUSH q d"},
                {"BLMPOP 0 1 q LEFT COUNT 5", "LPOP q 2"}};
        for (String[] c : cases) {
            Harness h = new Harness();
            h.canBlock = true;
            String[] blocking = c[0].split(" ");
            assertEquals("", h.call(blocking), c[0] + " blocks");
            assertEquals(List.of(), h.lastRecorded(), c[0] + " records nothing while it waits");
            h.call("RPUSH", "q", "a", "b");
            h.call(blocking); // woken by the push: the server runs it again
            assertEquals(List.of(c[1]), h.lastRecorded(), c[0]);
        }
    }
}
