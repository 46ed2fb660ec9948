package io.pyredis.commands.keys;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.GenericCommand;

/**
 * DEL and UNLINK ({@code key [key ...]}), as Redis's delGenericCommand: a {@code del} per
 * key deleted, and how many existed (a key named twice counts once).
 */
abstract class DelGenericCommand extends GenericCommand {

    DelGenericCommand(String name) {
        super(KeysPack.METADATA.spec(name));
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        long deleted = 0;
        for (int i = 1; i < args.length; i++) {
            if (db.delete(args[i])) {
                ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, args[i]);
                deleted++;
            }
        }
        ctx.reply().integer(deleted);
    }
}
