package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;

/**
 * {@code ZLEXCOUNT key min max}
 */
public final class ZLexCountCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zlexcount");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ZSets.LexBound min = ZSets.lexBound(args[2]);
        ZSets.LexBound max = ZSets.lexBound(args[3]);
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        ctx.reply().integer(z == null ? 0 : Math.max(0, ZSets.lexHi(z, max) - ZSets.lexLo(z, min)));
    }
}
