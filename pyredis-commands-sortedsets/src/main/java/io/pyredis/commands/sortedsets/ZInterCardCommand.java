package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZINTERCARD numkeys key [key ...] [LIMIT limit]}
 */
public final class ZInterCardCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zintercard", -3, "readonly movablekeys", 0, 0, 0, "7.0.0",
            "Intersect multiple sorted sets and return the cardinality of the result",
            "O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.",
            "numkeys key [key ...] [LIMIT limit]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SetOpCore.execute(ctx, args, null, 1, SetOpCore.Op.INTER, true);
    }
}
