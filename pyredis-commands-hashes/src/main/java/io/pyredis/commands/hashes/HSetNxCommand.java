package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.RedisHash;

/**
 * {@code HSETNX key field value}
 */
public final class HSetNxCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hsetnx");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        RedisHash h = db.get(args[1], RedisHash.class);
        if (h != null && h.contains(args[2])) {
            ctx.reply().integer(0);
            return;
        }
        boolean existed = h != null;
        if (!existed) {
            h = db.createHash();
        }
        h.put(args[2], args[3]);
        HashWrites.done(ctx, args[1], h, existed, Events.HSET);
        ctx.reply().integer(1);
    }
}
