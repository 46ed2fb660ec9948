package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

/**
 * {@code LMPOP numkeys key [key ...] <LEFT | RIGHT> [COUNT count]}
 */
public final class LMPopCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("lmpop", -4, Specs.WRITE_MOVABLEKEYS, KeySpec.NONE, "7.0.0",
            "Pop elements from a list", Specs.MPOP_COMPLEXITY,
            "numkeys key [key ...] <LEFT | RIGHT> [COUNT count]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        MPopCore.Request r = MPopCore.parse(args, 1);
        if (!MPopCore.pop(ctx, args, r)) {
            ctx.reply().nullArray();
        }
    }
}
