package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZRANDMEMBER key [count [WITHSCORES]]}
 */
public final class ZRandMemberCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zrandmember");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ZRandMemberCore.execute(ctx, args);
    }
}
