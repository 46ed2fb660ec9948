package io.pyredis.commands.keys;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.GenericCommand;

/**
 * DEL and UNLINK ({@code key [key ...]}), as Redis's delGenericCommand: a {@code del} per
 * key deleted, and how many existed (a key named twice counts once). UNLINK always
 * releases big values in the background; DEL does when lazyfree-lazy-user-del is on.
 */
abstract class DelGenericCommand extends GenericCommand {

    private final boolean lazy;

    DelGenericCommand(String name, boolean lazy) {
        super(KeysPack.METADATA.spec(name));
        this.lazy = lazy;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        boolean async = lazy || "yes".equals(ctx.config("lazyfree-lazy-user-del"));
        long deleted = 0;
        for (int i = 1; i < args.length; i++) {
            if (async ? db.unlink(args[i]) : db.delete(args[i])) {
                ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, args[i]);
                deleted++;
            }
        }
        ctx.reply().integer(deleted);
    }
}
