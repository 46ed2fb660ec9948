package io.pyredis.commands.sortedsets;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code BZPOPMAX key [key ...] timeout}
 */
public final class BZPopMaxCommand implements BlockingCommand {

    private static final CommandSpec SPEC = Specs.of("bzpopmax", -3, "write noscript blocking fast", 1, -2, 1, "5.0.0",
            "Remove and return the member with the highest score from one or more sorted sets, or block until one is available",
            "O(log(N)) with N being the number of elements in the sorted set.",
            "key [key ...] timeout");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.bzpop(ctx, args, true);
    }
}
