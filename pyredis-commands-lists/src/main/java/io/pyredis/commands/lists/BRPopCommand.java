package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code BRPOP key [key ...] timeout}
 */
public final class BRPopCommand implements BlockingCommand {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("brpop");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        BlockingPopCore.pop(ctx, args, false);
    }
}
