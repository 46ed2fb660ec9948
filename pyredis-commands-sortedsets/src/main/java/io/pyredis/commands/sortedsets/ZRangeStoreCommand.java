package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]}
 */
public final class ZRangeStoreCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zrangestore", -5, "write denyoom", 1, 2, 1, "6.2.0",
            "Store a range of members from sorted set into another key",
            "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.",
            "dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RangeCore.execute(ctx, args, 2, args[1], RangeCore.Type.AUTO, null);
    }
}
