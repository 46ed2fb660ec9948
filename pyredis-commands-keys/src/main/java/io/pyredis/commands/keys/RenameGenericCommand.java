package io.pyredis.commands.keys;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;
import io.pyredis.support.GenericCommand;

import java.util.Arrays;

/** Redis's renameGenericCommand: RENAME and RENAMENX. */
abstract class RenameGenericCommand extends GenericCommand {

    private final boolean nx;

    /** @param nx RENAMENX: an existing {@code newkey} is left alone */
    RenameGenericCommand(String name, boolean nx) {
        super(KeysPack.METADATA.spec(name));
        this.nx = nx;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        byte[] src = args[1];
        byte[] dst = args[2];
        RedisValue v = db.peek(src);
        if (v == null) {
            // Even when both names are the same: a missing key is an error either way.
            throw RedisError.NO_SUCH_KEY;
        }
        if (Arrays.equals(src, dst)) {
            reply(ctx, nx, false);
            return;
        }
        long expireAt = db.expireAt(src);
        if (db.exists(dst)) {
            if (nx) {
                ctx.reply().integer(0);
                return;
            }
            db.delete(dst);
        }
        db.delete(src);
        MoveCommand.store(db, dst, v, expireAt);
        // A destination overwritten is not reported as deleted, as in Redis.
        ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.RENAME_FROM, src);
        ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.RENAME_TO, dst);
        reply(ctx, nx, true);
    }

    private static void reply(CommandContext ctx, boolean nx, boolean renamed) {
        if (nx) {
            ctx.reply().integer(renamed ? 1 : 0);
        } else {
            ctx.reply().ok();
        }
    }
}
