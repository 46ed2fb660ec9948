package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZREVRANGEBYLEX key max min [LIMIT offset count]}
 */
public final class ZRevRangeByLexCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zrevrangebylex");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RangeCore.execute(ctx, args, 1, null, RangeCore.Type.LEX, Boolean.TRUE);
    }
}
