package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code PSETEX key milliseconds value}
 */
public final class PSetExCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("psetex");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long deadline = SetCore.deadline(ctx, args[2], SetCore.PX, SetCore.INVALID_EXPIRE_PSETEX);
        SetCore.set(ctx, args, args[1], args[3], SetCore.PX, deadline, SetCore.Replies.OK_OR_NULL);
    }
}
