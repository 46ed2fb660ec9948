package io.pyredis.commands.sortedsets;

import io.pyredis.testkit.PackTests;

/** The pack's contract: see {@link PackTests}. */
class SortedSetsPackTest extends PackTests {

    SortedSetsPackTest() {
        super(new SortedSetsPack(), "sortedsets", SortedSetsPack.METADATA.names(), 35);
    }
}
