package io.pyredis.commands.hyperloglog;

import io.pyredis.testkit.RecordedPropagationTests;

/**
 * What the AOF records for each command, checked against redis-server 7.0.15 (see
 * {@link RecordedPropagationTests}): PFADD only when it changed a register, PFCOUNT when
 * it cached a new estimate (a read-only command that writes), PFDEBUG when it converted.
 */
class PropagationTest extends RecordedPropagationTests {

    @Override
    protected String scenario() {
        return "/hll-propagation-redis-7.0.15.tsv";
    }
}
