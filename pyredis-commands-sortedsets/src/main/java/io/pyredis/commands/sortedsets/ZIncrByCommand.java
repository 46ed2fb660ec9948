package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZINCRBY key increment member}
 */
public final class ZIncrByCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zincrby");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ZAddCore.execute(ctx, args, ZAddCore.INCR, 2);
    }
}
