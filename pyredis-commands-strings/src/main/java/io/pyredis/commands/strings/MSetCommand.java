package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

/**
 * {@code MSET key value [key value ...]}
 */
public final class MSetCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("mset", -3, Specs.WRITE_DENYOOM, KeySpec.of(1, -1, 2),
            "1.0.1", "Set multiple keys to multiple values", "O(N) where N is the number of keys to set.",
            "key value [key value ...]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        MSetCore.mset(ctx, args, false);
    }
}
