package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;

/**
 * {@code ZCARD key}
 */
public final class ZCardCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zcard");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        ctx.reply().integer(z == null ? 0 : z.size());
    }
}
