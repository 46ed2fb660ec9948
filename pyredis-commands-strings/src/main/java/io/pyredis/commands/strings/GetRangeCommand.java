package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code GETRANGE key start end}
 */
public final class GetRangeCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("getrange");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        GetRangeCore.getRange(ctx, args);
    }
}
