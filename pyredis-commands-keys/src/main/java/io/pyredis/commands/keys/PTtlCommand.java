package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code PTTL key}
 */
public final class PTtlCommand implements Command {

    private static final CommandSpec SPEC = Specs.oneKey("pttl", 2, Specs.READONLY_FAST, "2.6.0",
            "Get the time to live for a key in milliseconds", "key");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        TtlCore.execute(ctx, args[1], true, false);
    }
}
