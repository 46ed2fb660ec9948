package io.pyredis.commands.hashes;

import io.pyredis.testkit.PackTests;

/** The pack's contract: see {@link PackTests}. */
class HashesPackTest extends PackTests {

    HashesPackTest() {
        super(new HashesPack(), "hashes", HashesPack.METADATA.names(), 16);
    }
}
