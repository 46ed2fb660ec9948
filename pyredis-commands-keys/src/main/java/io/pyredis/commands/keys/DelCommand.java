package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;

/**
 * {@code DEL key [key ...]}
 */
public final class DelCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("del");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ctx.reply().integer(deleteAll(ctx, args));
    }

    /**
     * Deletes {@code args[1..]}, reporting a {@code del} per key deleted; how many existed
     * (a key named twice counts once). DEL and UNLINK.
     */
    static long deleteAll(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        long deleted = 0;
        for (int i = 1; i < args.length; i++) {
            if (db.delete(args[i])) {
                ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, args[i]);
                deleted++;
            }
        }
        return deleted;
    }
}
