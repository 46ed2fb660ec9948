package io.pyredis.commands.streams;

import io.pyredis.testkit.PackTests;

/** The pack's contract: see {@link PackTests}. */
class StreamsPackTest extends PackTests {

    StreamsPackTest() {
        super(new StreamsPack(), "streams", StreamsPack.METADATA.names(), 15);
    }
}
