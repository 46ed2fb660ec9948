package io.pyredis.commands.geo;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;

/**
 * {@code GEOADD key [NX | XX] [CH] longitude latitude member [longitude latitude member ...]}
 *
 * <p>As Redis's geoaddCommand, which turns itself into a ZADD of the members' scores: it
 * reports ZADD's {@code zadd} event and is propagated as that ZADD.
 */
public final class GeoAddCommand implements Command {

    private static final CommandSpec SPEC = GeoPack.METADATA.spec("geoadd");
    private static final byte[] ZADD = "zadd".getBytes(StandardCharsets.US_ASCII);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        boolean nx = false;
        boolean xx = false;
        boolean ch = false;
        int longIdx = 2;
        for (; longIdx < args.length; longIdx++) {
            byte[] a = args[longIdx];
            if (Keywords.is(a, "nx")) {
                nx = true;
            } else if (Keywords.is(a, "xx")) {
                xx = true;
            } else if (Keywords.is(a, "ch")) {
                ch = true;
            } else {
                break;
            }
        }
        if ((args.length - longIdx) % 3 != 0 || (xx && nx)) {
            throw RedisError.SYNTAX;
        }
        int elements = (args.length - longIdx) / 3;
        long[] scores = new long[elements];
        double[] xy = new double[2];
        for (int i = 0; i < elements; i++) {
            GeoFormat.longLat(args, longIdx + i * 3, xy);
            scores[i] = GeoHash.score(xy[0], xy[1]);
        }
        if (elements == 0) {
            throw RedisError.SYNTAX; // ZADD's own check: no score-member pair
        }

        Database db = ctx.db();
        byte[] key = args[1];
        RedisSortedSet z = db.get(key, RedisSortedSet.class);
        long added = 0;
        long updated = 0;
        if (z != null || !xx) {
            boolean created = z == null;
            if (created) {
                z = db.createSortedSet();
            }
            for (int i = 0; i < elements; i++) {
                byte[] member = args[longIdx + i * 3 + 2];
                double score = scores[i];
                double cur = z.score(member);
                if (Double.isNaN(cur)) {
                    if (!xx) {
                        z.put(member, score);
                        added++;
                    }
                } else if (!nx && cur != score) {
                    z.put(member, score);
                    updated++;
                }
            }
            if (created && z.size() > 0) {
                db.set(key, z);
            } else if (added + updated > 0) {
                db.modified(key);
            }
            if (added + updated > 0) {
                ctx.notifyKeyspaceEvent(KeyspaceEvent.ZSET, "zadd", key);
                ctx.propagate(asZadd(args, longIdx, scores));
            }
        }
        ctx.reply().integer(ch ? added + updated : added);
    }

    /** {@code zadd key [options] score member ...}: what Redis propagates once it rewrote the command. */
    private static byte[][] asZadd(byte[][] args, int longIdx, long[] scores) {
        byte[][] zadd = new byte[longIdx + scores.length * 2][];
        zadd[0] = ZADD;
        System.arraycopy(args, 1, zadd, 1, longIdx - 1);
        for (int i = 0; i < scores.length; i++) {
            zadd[longIdx + i * 2] = Numbers.toBytes(scores[i]);
            zadd[longIdx + i * 2 + 1] = args[longIdx + i * 3 + 2];
        }
        return zadd;
    }
}
