package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyRef;
import io.pyredis.support.CallKeys;

import java.util.List;

/**
 * {@code ZDIFF numkeys key [key ...] [WITHSCORES]}
 */
public final class ZDiffCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zdiff");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** Redis's zunionInterDiffGetKeys: the keys when the key specs cannot find them (a bad numkeys). */
    @Override
    public List<KeyRef> keys(byte[][] args) {
        return CallKeys.numkeys(args, 0, 1, 2, 1);
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SetOpCore.execute(ctx, args, null, 1, SetOpCore.Op.DIFF, false);
    }
}
