package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisHash;

/**
 * {@code HSTRLEN key field}
 */
public final class HStrLenCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hstrlen");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisHash h = ctx.db().get(args[1], RedisHash.class);
        byte[] v = h == null ? null : h.get(args[2]);
        ctx.reply().integer(v == null ? 0 : v.length);
    }
}
