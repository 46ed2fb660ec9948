package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code LMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT>}
 */
public final class LMoveCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("lmove");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        boolean fromLeft = Args.isLeft(args[3]);
        boolean toLeft = Args.isLeft(args[4]);
        if (!MoveCore.move(ctx, args[1], args[2], fromLeft, toLeft)) {
            ctx.reply().nullBulk();
        }
    }
}
