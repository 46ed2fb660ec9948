package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisList;

/**
 * {@code LSET key index element}
 */
public final class LSetCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("lset");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        RedisList list = db.get(args[1], RedisList.class);
        if (list == null) {
            throw RedisError.NO_SUCH_KEY;
        }
        long index = Numbers.parseLong(args[2]);
        if (index < 0) {
            index += list.size();
        }
        if (index < 0 || index >= list.size()) {
            throw RedisError.INDEX_OUT_OF_RANGE;
        }
        list.set((int) index, args[3]);
        db.modified(args[1]);
        ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, Events.LSET, args[1]);
        ctx.reply().ok();
    }
}
