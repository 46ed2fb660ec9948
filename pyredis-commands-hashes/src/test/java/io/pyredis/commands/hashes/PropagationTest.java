package io.pyredis.commands.hashes;

import io.pyredis.testkit.RecordedPropagationTests;

/** The pack's propagation checked against Redis 7.0.15 (see {@link RecordedPropagationTests}). */
class PropagationTest extends RecordedPropagationTests {

    @Override
    protected String scenario() {
        return "/hashes-propagation-redis-7.0.15.tsv";
    }
}
