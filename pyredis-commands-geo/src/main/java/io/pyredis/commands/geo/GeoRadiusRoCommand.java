package io.pyredis.commands.geo;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code GEORADIUS_RO key longitude latitude radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]}
 */
public final class GeoRadiusRoCommand implements Command {

    private static final CommandSpec SPEC = GeoPack.METADATA.spec("georadius_ro");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        GeoSearchCore.execute(ctx, args, 1, GeoSearchCore.RADIUS_COORDS | GeoSearchCore.RADIUS_NOSTORE);
    }
}
