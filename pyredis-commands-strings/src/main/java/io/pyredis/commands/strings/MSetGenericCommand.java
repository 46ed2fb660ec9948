package io.pyredis.commands.strings;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.support.GenericCommand;

/** MSET and MSETNX ({@code key value [key value ...]}), as Redis's msetGenericCommand. */
abstract class MSetGenericCommand extends GenericCommand {

    private final boolean nx;
    private final RedisError arity;

    /** @param nx MSETNX: nothing is set when any key exists */
    MSetGenericCommand(String name, boolean nx) {
        super(StringsPack.METADATA.spec(name));
        this.nx = nx;
        this.arity = Errors.wrongArity(name);
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        // The dispatcher's arity check cannot see that pairs are needed.
        if ((args.length & 1) == 0) {
            throw arity;
        }
        Database db = ctx.db();
        if (nx) {
            for (int j = 1; j < args.length; j += 2) {
                if (db.exists(args[j])) {
                    ctx.reply().integer(0);
                    return;
                }
            }
        }
        for (int j = 1; j < args.length; j += 2) {
            db.set(args[j], RedisString.of(args[j + 1]));
            ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.SET, args[j]);
        }
        if (nx) {
            ctx.reply().integer(1);
        } else {
            ctx.reply().ok();
        }
    }
}
