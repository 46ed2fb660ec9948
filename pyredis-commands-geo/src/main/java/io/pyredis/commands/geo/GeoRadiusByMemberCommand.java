package io.pyredis.commands.geo;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code GEORADIUSBYMEMBER key member radius <M | KM | FT | MI> [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC | DESC] [STORE key] [STOREDIST key]}
 */
public final class GeoRadiusByMemberCommand implements Command {

    private static final CommandSpec SPEC = GeoPack.METADATA.spec("georadiusbymember");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        GeoSearchCore.execute(ctx, args, 1, GeoSearchCore.RADIUS_MEMBER);
    }
}
