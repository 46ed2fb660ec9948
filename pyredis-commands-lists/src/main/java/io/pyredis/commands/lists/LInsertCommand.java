package io.pyredis.commands.lists;

import io.pyredis.support.Keywords;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisList;

import java.util.Arrays;

/**
 * {@code LINSERT key <BEFORE | AFTER> pivot element}
 */
public final class LInsertCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("linsert");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        boolean after;
        if (Keywords.is(args[2], "after")) {
            after = true;
        } else if (Keywords.is(args[2], "before")) {
            after = false;
        } else {
            throw RedisError.SYNTAX;
        }
        Database db = ctx.db();
        RedisList list = db.get(args[1], RedisList.class);
        if (list == null) {
            ctx.reply().integer(0);
            return;
        }
        int n = list.size();
        for (int i = 0; i < n; i++) {
            if (Arrays.equals(list.get(i), args[3])) {
                list.insert(after ? i + 1 : i, args[4]);
                db.modified(args[1]);
                ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, Events.LINSERT, args[1]);
                ctx.reply().integer(list.size());
                return;
            }
        }
        ctx.reply().integer(-1);
    }
}
