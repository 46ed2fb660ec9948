package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZMPOP numkeys key [key ...] <MIN | MAX> [COUNT count]}
 */
public final class ZMPopCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zmpop", -4, "write movablekeys", 0, 0, 0, "7.0.0",
            "Remove and return members with scores in a sorted set",
            "O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.",
            "numkeys key [key ...] <MIN | MAX> [COUNT count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (!PopCore.mpop(ctx, PopCore.parseMPop(args, 1))) {
            ctx.reply().nullArray();
        }
    }
}
