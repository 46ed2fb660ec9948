package io.pyredis.commands.lists;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisList;

/** LPUSH, RPUSH, LPUSHX and RPUSHX: {@code key element [element ...]}. */
final class PushCore {

    private PushCore() {
    }

    static void push(CommandContext ctx, byte[][] args, boolean head, boolean onlyIfExists) {
        Database db = ctx.db();
        byte[] key = args[1];
        RedisList list = db.get(key, RedisList.class);
        if (list == null) {
            if (onlyIfExists) {
                ctx.reply().integer(0);
                return;
            }
            list = db.createList();
            for (int i = 2; i < args.length; i++) {
                list.push(head, args[i]);
            }
            db.set(key, list);
        } else {
            for (int i = 2; i < args.length; i++) {
                list.push(head, args[i]);
            }
            db.modified(key);
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, Events.push(head), key);
        ctx.reply().integer(list.size());
    }
}
