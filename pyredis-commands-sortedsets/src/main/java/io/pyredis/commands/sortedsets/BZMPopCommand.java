package io.pyredis.commands.sortedsets;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code BZMPOP timeout numkeys key [key ...] <MIN | MAX> [COUNT count]}
 */
public final class BZMPopCommand implements BlockingCommand {

    private static final CommandSpec SPEC = Specs.of("bzmpop", -5, "write blocking movablekeys", 0, 0, 0, "7.0.0",
            "Remove and return members with scores in a sorted set or block until one is available",
            "O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.",
            "timeout numkeys key [key ...] <MIN | MAX> [COUNT count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.bzmpop(ctx, args);
    }
}
