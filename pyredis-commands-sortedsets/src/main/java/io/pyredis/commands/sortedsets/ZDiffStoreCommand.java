package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyRef;
import io.pyredis.support.CallKeys;

import java.util.List;

/**
 * {@code ZDIFFSTORE destination numkeys key [key ...]}
 */
public final class ZDiffStoreCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zdiffstore");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** Redis's zunionInterDiffStoreGetKeys: the keys when the key specs cannot find them (a bad numkeys). */
    @Override
    public List<KeyRef> keys(byte[][] args) {
        return CallKeys.numkeys(args, 1, 2, 3, 1);
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SetOpCore.execute(ctx, args, args[1], 2, SetOpCore.Op.DIFF, false);
    }
}
