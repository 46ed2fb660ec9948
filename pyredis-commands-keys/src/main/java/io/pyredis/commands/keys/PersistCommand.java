package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyspaceEvent;

/**
 * {@code PERSIST key}
 */
public final class PersistCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("persist");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        if (ctx.db().persist(args[1])) {
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.PERSIST, args[1]);
            ctx.reply().integer(1);
        } else {
            ctx.reply().integer(0);
        }
    }
}
