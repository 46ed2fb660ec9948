package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisString;

/**
 * {@code GETDEL key}
 */
public final class GetDelCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("getdel");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        RedisString s = db.read(args[1], RedisString.class);
        if (s == null) {
            ctx.reply().nullBulk();
            return;
        }
        db.delete(args[1]);
        ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, args[1]);
        ctx.propagate(Propagation.DEL, args[1]);
        ctx.reply().bulk(s.bytes());
    }
}
