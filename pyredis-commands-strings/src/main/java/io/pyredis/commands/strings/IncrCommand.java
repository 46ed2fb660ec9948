package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code INCR key}
 */
public final class IncrCommand implements Command {

    private static final CommandSpec SPEC = Specs.oneKey("incr", 2, Specs.WRITE_DENYOOM_FAST, "1.0.0",
            "Increment the integer value of a key by one", "key");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        IncrDecrCore.incrBy(ctx, args[1], 1);
    }
}
