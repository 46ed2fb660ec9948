package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisSortedSet;

/**
 * {@code ZREMRANGEBYRANK key start stop}
 */
public final class ZRemRangeByRankCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zremrangebyrank");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long start = Numbers.parseLong(args[2]);
        long end = Numbers.parseLong(args[3]);
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        if (z == null) {
            ctx.reply().integer(0);
            return;
        }
        long size = z.size();
        if (start < 0) {
            start += size;
        }
        if (end < 0) {
            end += size;
        }
        if (start < 0) {
            start = 0;
        }
        long removed = start > end || start >= size ? 0 : z.removeRange(start, Math.min(end, size - 1));
        if (removed > 0) {
            ZSets.changed(ctx, args[1], z, Events.ZREMRANGEBYRANK);
        }
        ctx.reply().integer(removed);
    }
}
