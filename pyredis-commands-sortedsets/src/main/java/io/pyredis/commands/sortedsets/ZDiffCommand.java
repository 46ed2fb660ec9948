package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZDIFF numkeys key [key ...] [WITHSCORES]}
 */
public final class ZDiffCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zdiff", -3, "readonly movablekeys", 0, 0, 0, "6.2.0",
            "Subtract multiple sorted sets",
            "O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.",
            "numkeys key [key ...] [WITHSCORES]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SetOpCore.execute(ctx, args, null, 1, SetOpCore.Op.DIFF, false);
    }
}
