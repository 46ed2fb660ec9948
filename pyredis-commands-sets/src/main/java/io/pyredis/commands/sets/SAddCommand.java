package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisSet;

/**
 * {@code SADD key member [member ...]}
 */
public final class SAddCommand implements Command {

    private static final CommandSpec SPEC = SetsPack.METADATA.spec("sadd");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        RedisSet set = db.get(args[1], RedisSet.class);
        boolean existed = set != null;
        if (!existed) {
            set = db.createSet();
        }
        long added = 0;
        for (int i = 2; i < args.length; i++) {
            if (set.add(args[i])) {
                added++;
            }
        }
        if (!existed) {
            db.set(args[1], set);
        } else if (added > 0) {
            db.modified(args[1]);
        }
        if (added > 0) {
            ctx.notifyKeyspaceEvent(KeyspaceEvent.SET, Events.SADD, args[1]);
        }
        ctx.reply().integer(added);
    }
}
