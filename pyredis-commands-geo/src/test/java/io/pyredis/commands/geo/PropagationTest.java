package io.pyredis.commands.geo;

import io.pyredis.testkit.RecordedPropagationTests;

/**
 * The pack's propagation checked against Redis 7.0.15 (see {@link RecordedPropagationTests}):
 * GEOADD as the ZADD of its scores, the STORE forms verbatim, nothing for what changed nothing.
 */
class PropagationTest extends RecordedPropagationTests {

    @Override
    protected String scenario() {
        return "/geo-propagation-redis-7.0.15.tsv";
    }
}
