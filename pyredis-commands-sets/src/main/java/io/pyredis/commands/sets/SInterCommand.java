package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSet;

/**
 * {@code SINTER key [key ...]}
 */
public final class SInterCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("sinter");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSet[] sets = SetOps.lookup(ctx.db(), args, 1, args.length);
        SetOps.replySet(ctx.reply(), SetOps.inter(ctx.db(), sets));
    }
}
