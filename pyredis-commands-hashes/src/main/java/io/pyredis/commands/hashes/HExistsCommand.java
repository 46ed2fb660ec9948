package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisHash;

/**
 * {@code HEXISTS key field}
 */
public final class HExistsCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hexists");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisHash h = ctx.db().get(args[1], RedisHash.class);
        ctx.reply().integer(h != null && h.contains(args[2]) ? 1 : 0);
    }
}
