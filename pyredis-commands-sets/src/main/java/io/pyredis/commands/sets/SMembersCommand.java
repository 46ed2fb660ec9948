package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSet;

/**
 * {@code SMEMBERS key}
 */
public final class SMembersCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("smembers");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SetOps.replySet(ctx.reply(), ctx.db().get(args[1], RedisSet.class));
    }
}
