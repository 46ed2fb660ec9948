package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyRef;
import io.pyredis.support.CallKeys;

import java.util.List;

/**
 * {@code BLMPOP timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]}
 */
public final class BLMPopCommand implements BlockingCommand {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("blmpop");

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
        MPopCore.Request r = MPopCore.parse(args, 2);
        long timeout = Args.timeoutMillis(args[1]);
        if (!MPopCore.pop(ctx, args, r) && !ctx.block(r.keys(args), timeout)) {
            ctx.reply().nullArray();
        }
    }
}
