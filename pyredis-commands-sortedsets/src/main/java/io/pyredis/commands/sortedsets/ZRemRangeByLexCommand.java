package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;

/**
 * {@code ZREMRANGEBYLEX key min max}
 */
public final class ZRemRangeByLexCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zremrangebylex");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ZSets.LexBound min = ZSets.lexBound(args[2]);
        ZSets.LexBound max = ZSets.lexBound(args[3]);
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        long removed = 0;
        if (z != null) {
            long lo = ZSets.lexLo(z, min);
            long hi = ZSets.lexHi(z, max);
            if (hi > lo) {
                removed = z.removeRange(lo, hi - 1);
                ZSets.changed(ctx, args[1], z, Events.ZREMRANGEBYLEX);
            }
        }
        ctx.reply().integer(removed);
    }
}
