package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

/**
 * {@code BRPOP key [key ...] timeout}
 */
public final class BRPopCommand implements BlockingCommand {

    private static final CommandSpec SPEC = Specs.of("brpop", -3, Specs.WRITE_NOSCRIPT_BLOCKING, KeySpec.of(1, -2, 1),
            "2.0.0", "Remove and get the last element in a list, or block until one is available",
            "O(N) where N is the number of provided keys.", "key [key ...] timeout");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        BlockingPopCore.pop(ctx, args, false);
    }
}
