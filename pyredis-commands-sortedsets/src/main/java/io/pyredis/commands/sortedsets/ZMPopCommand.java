package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyRef;
import io.pyredis.support.CallKeys;

import java.util.List;

/**
 * {@code ZMPOP numkeys key [key ...] <MIN | MAX> [COUNT count]}
 */
public final class ZMPopCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zmpop");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** Redis's zmpopGetKeys: the keys when the key specs cannot find them (a bad numkeys). */
    @Override
    public List<KeyRef> keys(byte[][] args) {
        return CallKeys.numkeys(args, 0, 1, 2, 1);
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (!PopCore.mpop(ctx, PopCore.parseMPop(args, 1))) {
            ctx.reply().nullArray();
        }
    }
}
