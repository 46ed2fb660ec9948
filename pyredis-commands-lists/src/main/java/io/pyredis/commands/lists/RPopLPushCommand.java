package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code RPOPLPUSH source destination}
 */
public final class RPopLPushCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("rpoplpush", 3, Specs.WRITE_DENYOOM, Specs.TWO_KEYS, "1.2.0",
            "Remove the last element in a list, prepend it to another list and return it", "O(1)",
            "source destination");

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
