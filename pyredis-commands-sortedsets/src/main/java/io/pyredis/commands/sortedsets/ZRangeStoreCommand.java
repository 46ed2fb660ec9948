package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]}
 */
public final class ZRangeStoreCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zrangestore");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RangeCore.execute(ctx, args, 2, args[1], RangeCore.Type.AUTO, null);
    }
}
