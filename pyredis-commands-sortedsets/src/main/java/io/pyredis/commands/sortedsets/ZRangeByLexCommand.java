package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZRANGEBYLEX key min max [LIMIT offset count]}
 */
public final class ZRangeByLexCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zrangebylex", -4, "readonly", 1, 1, 1, "2.8.9",
            "Return a range of members in a sorted set, by lexicographical range",
            "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).",
            "key min max [LIMIT offset count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RangeCore.execute(ctx, args, 1, null, RangeCore.Type.LEX, Boolean.FALSE);
    }
}
