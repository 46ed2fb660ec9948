package io.pyredis.commands.geo;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code GEORADIUSBYMEMBER_RO key member radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC]}
 */
public final class GeoRadiusByMemberRoCommand implements Command {

    private static final CommandSpec SPEC = GeoPack.METADATA.spec("georadiusbymember_ro");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        GeoSearchCore.execute(ctx, args, 1, GeoSearchCore.RADIUS_MEMBER | GeoSearchCore.RADIUS_NOSTORE);
    }
}
