package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZDIFFSTORE destination numkeys key [key ...]}
 */
public final class ZDiffStoreCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zdiffstore", -4, "write denyoom movablekeys", 1, 1, 1, "6.2.0",
            "Subtract multiple sorted sets and store the resulting sorted set in a new key",
            "O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.",
            "destination numkeys key [key ...]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SetOpCore.execute(ctx, args, args[1], 2, SetOpCore.Op.DIFF, false);
    }
}
