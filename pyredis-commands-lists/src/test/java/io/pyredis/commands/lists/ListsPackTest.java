package io.pyredis.commands.lists;

import io.pyredis.testkit.PackTests;

/** The pack's contract: see {@link PackTests}. */
class ListsPackTest extends PackTests {

    ListsPackTest() {
        super(new ListsPack(), "lists", ListsPack.METADATA.names(), 22);
    }
}
