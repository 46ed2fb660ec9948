package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.support.GenericCommand;

/** ZRANK and ZREVRANK ({@code key member}), as Redis's zrankGenericCommand. */
abstract class ZRankGenericCommand extends GenericCommand {

    private final boolean reverse;

    /** @param reverse whether ranks count from the highest score */
    ZRankGenericCommand(String name, boolean reverse) {
        super(SortedSetsPack.METADATA.spec(name));
        this.reverse = reverse;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        long rank = z == null ? -1 : z.rank(args[2]);
        if (rank < 0) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().integer(reverse ? z.size() - 1 - rank : rank);
        }
    }
}
