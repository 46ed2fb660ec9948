package io.pyredis.commands.geo;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;

/** {@code GEODIST key member1 member2 [M | KM | FT | MI]} */
public final class GeoDistCommand implements Command {

    private static final CommandSpec SPEC = GeoPack.METADATA.spec("geodist");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        double toMeter = 1;
        if (args.length == 5) {
            toMeter = GeoFormat.unit(args[4]);
        } else if (args.length > 5) {
            throw RedisError.SYNTAX;
        }
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        double[] a = new double[4];
        double[] b = new double[4];
        if (z == null || !GeoFormat.longLatOf(z, args[2], a) || !GeoFormat.longLatOf(z, args[3], b)) {
            ctx.reply().nullBulk();
            return;
        }
        ctx.reply().bulk(GeoFormat.distance(GeoHash.distance(a[0], a[1], b[0], b[1]) / toMeter));
    }
}
