package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code RPUSHX key element [element ...]}
 */
public final class RPushXCommand implements Command {

    private static final CommandSpec SPEC = Specs.oneKey("rpushx", -3, Specs.WRITE_DENYOOM_FAST, "2.2.0",
            "Append an element to a list, only if the list exists",
            Specs.PUSH_COMPLEXITY, "key element [element ...]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PushCore.push(ctx, args, false, true);
    }
}
