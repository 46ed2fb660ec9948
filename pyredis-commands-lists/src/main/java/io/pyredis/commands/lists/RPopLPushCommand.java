package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code RPOPLPUSH source destination}
 */
public final class RPopLPushCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("rpoplpush");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (!MoveCore.move(ctx, args[1], args[2], false, true)) {
            ctx.reply().nullBulk();
        }
    }
}
