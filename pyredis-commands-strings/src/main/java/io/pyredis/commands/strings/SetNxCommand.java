package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code SETNX key value}
 */
public final class SetNxCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("setnx");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SetCore.set(ctx, args, args[1], args[2], SetCore.NX, 0, SetCore.Replies.ONE_OR_ZERO);
    }
}
