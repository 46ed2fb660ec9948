package io.pyredis.commands.geo;

import io.pyredis.api.SpiVersion;
import io.pyredis.support.CommandMetadata;
import io.pyredis.support.GenericPack;

import java.util.List;

/** Redis's geo command group, as in Redis 7.0. */
public final class GeoPack extends GenericPack {

    /** The metadata of this pack's commands (Redis 7.0.15's, in commands.json beside this class). */
    static final CommandMetadata METADATA = CommandMetadata.load(GeoPack.class.getResourceAsStream("commands.json"));

    public GeoPack() {
        super("geo", SpiVersion.CURRENT, List.of(
                new GeoAddCommand(),
                new GeoDistCommand(),
                new GeoHashCommand(),
                new GeoPosCommand(),
                new GeoRadiusCommand(),
                new GeoRadiusRoCommand(),
                new GeoRadiusByMemberCommand(),
                new GeoRadiusByMemberRoCommand(),
                new GeoSearchCommand(),
                new GeoSearchStoreCommand()));
    }
}
