package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSet;

/**
 * {@code SISMEMBER key member}
 */
public final class SIsMemberCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("sismember");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSet set = ctx.db().get(args[1], RedisSet.class);
        ctx.reply().integer(set != null && set.contains(args[2]) ? 1 : 0);
    }
}
