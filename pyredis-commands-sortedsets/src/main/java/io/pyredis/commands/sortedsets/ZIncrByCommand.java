package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZINCRBY key increment member}
 */
public final class ZIncrByCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zincrby", 4, "write denyoom fast", 1, 1, 1, "1.2.0",
            "Increment the score of a member in a sorted set",
            "O(log(N)) where N is the number of elements in the sorted set.",
            "key increment member");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ZAddCore.execute(ctx, args, ZAddCore.INCR, 2);
    }
}
