package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZPOPMAX key [count]}
 */
public final class ZPopMaxCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zpopmax", -2, "write fast", 1, 1, 1, "5.0.0",
            "Remove and return members with the highest scores in a sorted set",
            "O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.",
            "key [count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.zpop(ctx, args, true);
    }
}
