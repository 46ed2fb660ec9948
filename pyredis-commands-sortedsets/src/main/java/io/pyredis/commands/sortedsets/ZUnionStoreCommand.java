package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX]}
 */
public final class ZUnionStoreCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zunionstore", -4, "write denyoom movablekeys", 1, 1, 1, "2.0.0",
            "Add multiple sorted sets and store the resulting sorted set in a new key",
            "O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.",
            "destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SetOpCore.execute(ctx, args, args[1], 2, SetOpCore.Op.UNION, false);
    }
}
