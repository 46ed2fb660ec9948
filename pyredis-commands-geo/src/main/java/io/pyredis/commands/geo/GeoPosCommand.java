package io.pyredis.commands.geo;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;

/** {@code GEOPOS key [member [member ...]]} */
public final class GeoPosCommand implements Command {

    private static final CommandSpec SPEC = GeoPack.METADATA.spec("geopos");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        Reply r = ctx.reply();
        r.array(args.length - 2);
        double[] xy = new double[4];
        for (int j = 2; j < args.length; j++) {
            if (z == null || !GeoFormat.longLatOf(z, args[j], xy)) {
                r.nullArray();
            } else {
                r.array(2);
                r.doubleValue(GeoFormat.human(xy[0]));
                r.doubleValue(GeoFormat.human(xy[1]));
            }
        }
    }
}
