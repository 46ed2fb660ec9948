package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.RedisHash;

/**
 * {@code HDEL key field [field ...]}
 */
public final class HDelCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hdel");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        RedisHash h = db.get(args[1], RedisHash.class);
        if (h == null) {
            ctx.reply().integer(0);
            return;
        }
        long deleted = 0;
        for (int i = 2; i < args.length && h.size() > 0; i++) {
            if (h.remove(args[i])) {
                deleted++;
            }
        }
        HashWrites.done(ctx, args[1], h, true, deleted > 0 ? Events.HDEL : null);
        ctx.reply().integer(deleted);
    }
}
