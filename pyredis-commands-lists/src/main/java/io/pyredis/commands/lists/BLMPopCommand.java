package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

/**
 * {@code BLMPOP timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]}
 */
public final class BLMPopCommand implements BlockingCommand {

    private static final CommandSpec SPEC = Specs.of("blmpop", -5, Specs.WRITE_BLOCKING_MOVABLEKEYS, KeySpec.NONE,
            "7.0.0", "Pop elements from a list, or block until one is available", Specs.MPOP_COMPLEXITY,
            "timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
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
