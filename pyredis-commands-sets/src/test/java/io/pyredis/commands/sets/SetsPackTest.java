package io.pyredis.commands.sets;

import io.pyredis.testkit.PackTests;

/** The pack's contract: see {@link PackTests}. */
class SetsPackTest extends PackTests {

    SetsPackTest() {
        super(new SetsPack(), "sets", SetsPack.METADATA.names(), 17);
    }
}
