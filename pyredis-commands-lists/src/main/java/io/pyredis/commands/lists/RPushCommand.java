package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code RPUSH key element [element ...]}
 */
public final class RPushCommand implements Command {

    private static final CommandSpec SPEC = Specs.oneKey("rpush", -3, Specs.WRITE_DENYOOM_FAST, "1.0.0",
            "Append one or multiple elements to a list",
            Specs.PUSH_COMPLEXITY, "key element [element ...]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PushCore.push(ctx, args, false, false);
    }
}
