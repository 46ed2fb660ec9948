package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZREVRANGEBYLEX key max min [LIMIT offset count]}
 */
public final class ZRevRangeByLexCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zrevrangebylex", -4, "readonly", 1, 1, 1, "2.8.9",
            "Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.",
            "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).",
            "key max min [LIMIT offset count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RangeCore.execute(ctx, args, 1, null, RangeCore.Type.LEX, Boolean.TRUE);
    }
}
