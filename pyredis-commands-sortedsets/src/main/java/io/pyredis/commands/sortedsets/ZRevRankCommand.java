package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;

/**
 * {@code ZREVRANK key member}
 */
public final class ZRevRankCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zrevrank");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        long rank = z == null ? -1 : z.rank(args[2]);
        if (rank < 0) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().integer(z.size() - 1 - rank);
        }
    }
}
