package io.pyredis.commands.streams;

import io.pyredis.testkit.RecordedPropagationTests;

/**
 * What the stream commands append to the AOF, checked against Redis 7.0.15 (see
 * {@link RecordedPropagationTests}): XADD with the ID it got and an approximate trim made
 * exact, XREADGROUP as XCLAIMs (NOACK: XGROUP CREATECONSUMER and SETID), XCLAIM and
 * XAUTOCLAIM as idempotent XCLAIMs, no-ops not at all.
 */
class PropagationTest extends RecordedPropagationTests {

    /**
     * The NACK of 2-0 was delivered by an XCLAIM some commands before: 10 ms passed
     * in the recording, none in the harness, so its TIME differs by those 10 ms.
     */
    @Override
    protected java.util.List<String> knownDifferences() {
        return java.util.List.of("XAUTOCLAIM s g erin 0 0: recorded");
    }

    @Override
    protected String scenario() {
        return "/streams-propagation-redis-7.0.15.tsv";
    }
}
