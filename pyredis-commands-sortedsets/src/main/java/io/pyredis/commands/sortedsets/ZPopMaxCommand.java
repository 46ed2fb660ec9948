package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZPOPMAX key [count]}
 */
public final class ZPopMaxCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zpopmax");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.zpop(ctx, args, true);
    }
}
