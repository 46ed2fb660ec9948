package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZPOPMIN key [count]}
 */
public final class ZPopMinCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zpopmin");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.zpop(ctx, args, false);
    }
}
