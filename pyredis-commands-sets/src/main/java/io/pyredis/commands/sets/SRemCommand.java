package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.RedisSet;

/**
 * {@code SREM key member [member ...]}
 */
public final class SRemCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("srem");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        RedisSet set = db.get(args[1], RedisSet.class);
        if (set == null) {
            ctx.reply().integer(0);
            return;
        }
        long removed = 0;
        for (int i = 2; i < args.length && set.size() > 0; i++) {
            if (set.remove(args[i])) {
                removed++;
            }
        }
        if (removed > 0) {
            SetOps.removed(ctx, args[1], set, Events.SREM);
        }
        ctx.reply().integer(removed);
    }
}
