package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;

/**
 * {@code ZREMRANGEBYSCORE key min max}
 */
public final class ZRemRangeByScoreCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zremrangebyscore");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ZSets.ScoreBound min = ZSets.scoreBound(args[2]);
        ZSets.ScoreBound max = ZSets.scoreBound(args[3]);
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        long removed = 0;
        if (z != null) {
            long lo = ZSets.scoreLo(z, min);
            long hi = ZSets.scoreHi(z, max);
            if (hi > lo) {
                removed = z.removeRange(lo, hi - 1);
                ZSets.changed(ctx, args[1], z, Events.ZREMRANGEBYSCORE);
            }
        }
        ctx.reply().integer(removed);
    }
}
