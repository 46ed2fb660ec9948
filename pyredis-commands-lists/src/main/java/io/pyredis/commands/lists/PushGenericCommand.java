package io.pyredis.commands.lists;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisList;
import io.pyredis.support.GenericCommand;

/** LPUSH, RPUSH, LPUSHX and RPUSHX ({@code key element [element ...]}), as Redis's pushGenericCommand. */
abstract class PushGenericCommand extends GenericCommand {

    private final boolean head;
    private final boolean onlyIfExists;

    /**
     * @param head         whether to push at the head (L) or the tail (R)
     * @param onlyIfExists the X forms: a missing key stays missing
     */
    PushGenericCommand(String name, boolean head, boolean onlyIfExists) {
        super(ListsPack.METADATA.spec(name));
        this.head = head;
        this.onlyIfExists = onlyIfExists;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        byte[] key = args[1];
        RedisList list = db.get(key, RedisList.class);
        boolean created = list == null;
        if (created) {
            if (onlyIfExists) {
                ctx.reply().integer(0);
                return;
            }
            list = db.createList();
        }
        for (int i = 2; i < args.length; i++) {
            list.push(head, args[i]);
        }
        if (created) {
            db.set(key, list);
        } else {
            db.modified(key);
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, Events.push(head), key);
        ctx.reply().integer(list.size());
    }
}
