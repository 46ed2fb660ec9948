package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

/**
 * {@code SUBSTR key start end} (deprecated since 2.0.0: GETRANGE is the same command)
 */
public final class SubstrCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("substr", 4, Specs.READONLY, KeySpec.FIRST, "1.0.0",
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
