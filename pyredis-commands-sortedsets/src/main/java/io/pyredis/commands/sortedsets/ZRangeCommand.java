package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]}
 */
public final class ZRangeCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zrange", -4, "readonly", 1, 1, 1, "1.2.0",
            "Return a range of members in a sorted set",
            "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.",
            "key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RangeCore.execute(ctx, args, 1, null, RangeCore.Type.AUTO, null);
    }
}
