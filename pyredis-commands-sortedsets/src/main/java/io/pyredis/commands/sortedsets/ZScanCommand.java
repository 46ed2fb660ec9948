package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZSCAN key cursor [MATCH pattern] [COUNT count]}
 */
public final class ZScanCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("zscan", -3, "readonly", 1, 1, 1, "2.8.0",
            "Incrementally iterate sorted sets elements and associated scores",
            "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..",
            "key cursor [MATCH pattern] [COUNT count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ZScanCore.execute(ctx, args);
    }
}
