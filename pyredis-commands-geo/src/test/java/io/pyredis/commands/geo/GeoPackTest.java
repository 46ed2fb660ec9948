package io.pyredis.commands.geo;

import io.pyredis.testkit.PackTests;

/** The pack's contract: see {@link PackTests}. */
class GeoPackTest extends PackTests {

    GeoPackTest() {
        super(new GeoPack(), "geo", GeoPack.METADATA.names(), 10);
    }
}
