package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZSCAN key cursor [MATCH pattern] [COUNT count]}
 */
public final class ZScanCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zscan");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ZScanCore.execute(ctx, args);
    }
}
