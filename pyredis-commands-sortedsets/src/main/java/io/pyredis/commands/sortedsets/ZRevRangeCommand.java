package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZREVRANGE key start stop [WITHSCORES]}
 */
public final class ZRevRangeCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zrevrange");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RangeCore.execute(ctx, args, 1, null, RangeCore.Type.RANK, Boolean.TRUE);
    }
}
