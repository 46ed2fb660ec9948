package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;

/**
 * {@code ZCOUNT key min max}
 */
public final class ZCountCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zcount");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ZSets.ScoreBound min = ZSets.scoreBound(args[2]);
        ZSets.ScoreBound max = ZSets.scoreBound(args[3]);
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        ctx.reply().integer(z == null ? 0 : Math.max(0, ZSets.scoreHi(z, max) - ZSets.scoreLo(z, min)));
    }
}
