package io.pyredis.commands.geo;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;

/** {@code GEOHASH key [member [member ...]]} */
public final class GeoHashCommand implements Command {

    private static final CommandSpec SPEC = GeoPack.METADATA.spec("geohash");
    private static final byte[] ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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
                r.nullBulk();
                continue;
            }
            // Scores use latitudes -85..85; a standard geohash is over -90..90: re-encode.
            long bits = GeoHash.encode(-180, 180, -90, 90, xy[0], xy[1], GeoHash.STEP_MAX);
            byte[] buf = new byte[11];
            for (int i = 0; i < 11; i++) {
                // 52 bits make 10 characters; the 11th of the usual form is taken as zero
                int idx = i == 10 ? 0 : (int) ((bits >>> (52 - ((i + 1) * 5))) & 0x1f);
                buf[i] = ALPHABET[idx];
            }
            r.bulk(buf);
        }
    }
}
