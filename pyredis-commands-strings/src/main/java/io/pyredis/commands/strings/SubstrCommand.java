package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code SUBSTR key start end} (deprecated since 2.0.0: GETRANGE is the same command)
 */
public final class SubstrCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("substr");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        GetRangeCore.getRange(ctx, args);
    }
}
