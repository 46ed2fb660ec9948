package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code SETEX key seconds value}
 */
public final class SetExCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("setex");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long deadline = SetCore.deadline(ctx, args[2], SetCore.EX, SetCore.INVALID_EXPIRE_SETEX);
        SetCore.set(ctx, args, args[1], args[3], SetCore.EX, deadline, SetCore.Replies.OK_OR_NULL);
    }
}
