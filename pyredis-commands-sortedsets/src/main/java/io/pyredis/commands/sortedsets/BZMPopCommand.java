package io.pyredis.commands.sortedsets;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyRef;
import io.pyredis.support.CallKeys;

import java.util.List;

/**
 * {@code BZMPOP timeout numkeys key [key ...] <MIN | MAX> [COUNT count]}
 */
public final class BZMPopCommand implements BlockingCommand {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("bzmpop");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** Redis's blmpopGetKeys: the keys when the key specs cannot find them (a bad numkeys). */
    @Override
    public List<KeyRef> keys(byte[][] args) {
        return CallKeys.numkeys(args, 0, 2, 3, 1);
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.bzmpop(ctx, args);
    }
}
