package io.pyredis.commands.geo;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code GEORADIUS key longitude latitude radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC] [STORE key] [STOREDIST key]}
 */
public final class GeoRadiusCommand implements Command {

    private static final CommandSpec SPEC = GeoPack.METADATA.spec("georadius");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        GeoSearchCore.execute(ctx, args, 1, GeoSearchCore.RADIUS_COORDS);
    }
}
