package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisList;

/**
 * {@code LREM key count element}
 */
public final class LRemCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("lrem");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long count = Numbers.parseLong(args[2]);
        Database db = ctx.db();
        RedisList list = db.get(args[1], RedisList.class);
        if (list == null) {
            ctx.reply().integer(0);
            return;
        }
        boolean fromTail = count < 0;
        // A limit beyond the list's size removes every match, as does LLONG_MIN in Redis.
        long abs = count == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(count);
        int limit = (int) Math.min(abs, Integer.MAX_VALUE);
        int removed = list.removeEqual(args[3], limit, fromTail);
        if (removed > 0) {
            PopCore.changed(ctx, args[1], list, Events.LREM);
        }
        ctx.reply().integer(removed);
    }
}
