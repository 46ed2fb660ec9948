package io.pyredis.commands.keys;

import io.pyredis.testkit.PackTests;

/** The pack's contract: see {@link PackTests}. */
class KeysPackTest extends PackTests {

    KeysPackTest() {
        super(new KeysPack(), "keys", KeysPack.METADATA.names(), 25);
    }
}
