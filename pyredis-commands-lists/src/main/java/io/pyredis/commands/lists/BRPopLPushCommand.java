package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code BRPOPLPUSH source destination timeout}
 */
public final class BRPopLPushCommand implements BlockingCommand {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("brpoplpush");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (BLMoveCommand.blockingMove(ctx, args, false, true, Args.timeoutMillis(args[3]))) {
            ctx.propagate(Propagation.RPOPLPUSH, args[1], args[2]);
        }
    }
}
