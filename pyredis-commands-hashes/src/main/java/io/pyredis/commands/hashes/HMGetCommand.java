package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisHash;
import io.pyredis.api.Reply;

/**
 * {@code HMGET key field [field ...]}
 */
public final class HMGetCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hmget");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisHash h = ctx.db().get(args[1], RedisHash.class);
        Reply reply = ctx.reply();
        reply.array(args.length - 2);
        for (int i = 2; i < args.length; i++) {
            byte[] v = h == null ? null : h.get(args[i]);
            if (v == null) {
                reply.nullBulk();
            } else {
                reply.bulk(v);
            }
        }
    }
}
