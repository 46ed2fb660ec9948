package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyRef;
import io.pyredis.support.CallKeys;

import java.util.List;

/**
 * {@code LMPOP numkeys key [key ...] <LEFT | RIGHT> [COUNT count]}
 */
public final class LMPopCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("lmpop");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** Redis's lmpopGetKeys: the keys when the key specs cannot find them (a bad numkeys). */
    @Override
    public List<KeyRef> keys(byte[][] args) {
        return CallKeys.numkeys(args, 0, 1, 2, 1);
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        MPopCore.Request r = MPopCore.parse(args, 1);
        if (!MPopCore.pop(ctx, args, r)) {
            ctx.reply().nullArray();
        }
    }
}
