package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSet;
import io.pyredis.api.Reply;

/**
 * {@code SMISMEMBER key member [member ...]}
 */
public final class SMIsMemberCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("smismember");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSet set = ctx.db().get(args[1], RedisSet.class);
        Reply reply = ctx.reply();
        reply.array(args.length - 2);
        for (int i = 2; i < args.length; i++) {
            reply.integer(set != null && set.contains(args[i]) ? 1 : 0);
        }
    }
}
