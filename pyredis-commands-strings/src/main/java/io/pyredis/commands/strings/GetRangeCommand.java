package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

/**
 * {@code GETRANGE key start end}
 */
public final class GetRangeCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("getrange", 4, Specs.READONLY, KeySpec.FIRST, "2.4.0",
            "Get a substring of the string stored at a key", GetRangeCore.COMPLEXITY, "key start end");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        GetRangeCore.getRange(ctx, args);
    }
}
