package io.pyredis.commands.strings;

import io.pyredis.testkit.PackTests;

/** The pack's contract: see {@link PackTests}. */
class StringsPackTest extends PackTests {

    StringsPackTest() {
        super(new StringsPack(), "strings", StringsPack.METADATA.names(), 22);
    }
}
