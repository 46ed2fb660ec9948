package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code GETSET key value} (deprecated since 6.2.0: {@code SET key value GET} does the same)
 */
public final class GetSetCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("getset");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SetCore.set(ctx, null, args[1], args[2], SetCore.GET, 0, SetCore.Replies.OK_OR_NULL);
    }
}
