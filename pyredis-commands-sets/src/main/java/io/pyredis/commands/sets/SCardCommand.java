package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSet;

/**
 * {@code SCARD key}
 */
public final class SCardCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("scard");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSet set = ctx.db().get(args[1], RedisSet.class);
        ctx.reply().integer(set == null ? 0 : set.size());
    }
}
