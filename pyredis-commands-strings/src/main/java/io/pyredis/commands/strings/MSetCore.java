package io.pyredis.commands.strings;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;

/** MSET and MSETNX (Redis's {@code msetGenericCommand}). */
final class MSetCore {

    private static final RedisError MSET_ARITY = Errors.wrongArity("mset");
    private static final RedisError MSETNX_ARITY = Errors.wrongArity("msetnx");

    private MSetCore() {
    }

    static void mset(CommandContext ctx, byte[][] args, boolean nx) {
        // The dispatcher's arity check cannot see that pairs are needed.
        if ((args.length & 1) == 0) {
            throw nx ? MSETNX_ARITY : MSET_ARITY;
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
