package io.pyredis.commands.sortedsets;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code BZPOPMAX key [key ...] timeout}
 */
public final class BZPopMaxCommand implements BlockingCommand {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("bzpopmax");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.bzpop(ctx, args, true);
    }
}
