package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code LPOP key [count]}
 */
public final class LPopCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("lpop");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.pop(ctx, args, true, "lpop");
    }
}
