package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code BLMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout}
 */
public final class BLMoveCommand implements BlockingCommand {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("blmove");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        boolean fromLeft = Args.isLeft(args[3]);
        boolean toLeft = Args.isLeft(args[4]);
        if (blockingMove(ctx, args, fromLeft, toLeft, Args.timeoutMillis(args[5]))) {
            ctx.propagate(Propagation.LMOVE, args[1], args[2], args[3], args[4]);
        }
    }

    /**
     * Shared with BRPOPLPUSH. Redis replies a null bulk when it cannot block, a null array on
     * timeout.
     *
     * @return whether an element was moved (the caller propagates its non-blocking form)
     */
    static boolean blockingMove(CommandContext ctx, byte[][] args, boolean fromLeft, boolean toLeft, long timeout) {
        if (MoveCore.move(ctx, args[1], args[2], fromLeft, toLeft)) {
            return true;
        }
        if (!ctx.block(new byte[][] {args[1]}, timeout)) {
            ctx.reply().nullBulk();
        }
        return false;
    }
}
