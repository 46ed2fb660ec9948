package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisHash;

/**
 * {@code HGET key field}
 */
public final class HGetCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hget");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisHash h = ctx.db().get(args[1], RedisHash.class);
        byte[] v = h == null ? null : h.get(args[2]);
        if (v == null) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().bulk(v);
        }
    }
}
