package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code BRPOPLPUSH source destination timeout}
 */
public final class BRPopLPushCommand implements BlockingCommand {

    private static final CommandSpec SPEC = Specs.of("brpoplpush", 4, Specs.WRITE_DENYOOM_NOSCRIPT_BLOCKING,
            Specs.TWO_KEYS, "2.2.0",
            "Pop an element from a list, push it to another list and return it; or block until one is available",
            "O(1)", "source destination timeout");

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
