package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZRANDMEMBER key [count [WITHSCORES]]}
 */
public final class ZRandMemberCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zrandmember", -2, "readonly", 1, 1, 1, "6.2.0",
            "Get one or multiple random elements from a sorted set",
            "O(N) where N is the number of elements returned",
            "key [count [WITHSCORES]]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ZRandMemberCore.execute(ctx, args);
    }
}
