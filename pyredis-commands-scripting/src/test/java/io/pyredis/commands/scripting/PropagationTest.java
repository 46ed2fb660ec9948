package io.pyredis.commands.scripting;

import io.pyredis.testkit.RecordedPropagationTests;

/**
 * Scripts' effects in the append-only file checked against Redis 7.0.15 (see
 * {@link RecordedPropagationTests}): the commands a script ran, as they propagate themselves
 * (EXPIRE as PEXPIREAT, INCRBYFLOAT as SET), never the EVAL; redis.set_repl(REPL_NONE) leaves
 * commands out; a write before a failing command stays.
 */
class PropagationTest extends RecordedPropagationTests {

    @Override
    protected String scenario() {
        return "/scripting-propagation-redis-7.0.15.tsv";
    }
}
