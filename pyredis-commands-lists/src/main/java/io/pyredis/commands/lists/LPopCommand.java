package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code LPOP key [count]}
 */
public final class LPopCommand implements Command {

    private static final CommandSpec SPEC = Specs.oneKey("lpop", -2, Specs.WRITE_FAST, "1.0.0",
            "Remove and get the first elements in a list",
            "O(N) where N is the number of elements returned", "key [count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.pop(ctx, args, true, "lpop");
    }
}
