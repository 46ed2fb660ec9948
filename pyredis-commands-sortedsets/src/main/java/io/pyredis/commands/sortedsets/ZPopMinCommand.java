package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZPOPMIN key [count]}
 */
public final class ZPopMinCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zpopmin", -2, "write fast", 1, 1, 1, "5.0.0",
            "Remove and return members with the lowest scores in a sorted set",
            "O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.",
            "key [count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.zpop(ctx, args, false);
    }
}
