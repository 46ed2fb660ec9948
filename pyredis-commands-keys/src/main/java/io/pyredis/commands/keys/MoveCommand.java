package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;

/**
 * {@code MOVE key db}
 */
public final class MoveCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("move");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database src = ctx.db();
        Database dst = database(ctx, Errors.parseInt(args[2]));
        if (dst.index() == src.index()) {
            throw Errors.SAME_OBJECT;
        }
        byte[] key = args[1];
        RedisValue v = src.peek(key);
        if (v == null) {
            ctx.reply().integer(0);
            return;
        }
        long expireAt = src.expireAt(key);
        if (dst.exists(key)) {
            ctx.reply().integer(0);
            return;
        }
        store(dst, key, v, expireAt);
        src.delete(key);
        ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.MOVE_FROM, key, src.index());
        ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.MOVE_TO, key, dst.index());
        ctx.reply().integer(1);
    }

    /** Database {@code index}, or Redis's {@code ERR DB index is out of range}. MOVE and COPY. */
    static Database database(CommandContext ctx, int index) {
        if (index < 0 || index >= ctx.databases()) {
            throw RedisError.DB_INDEX_OUT_OF_RANGE;
        }
        return ctx.db(index);
    }

    /** Stores {@code v} at {@code key} with deadline {@code expireAt} (-1: none), as moved keys keep theirs. */
    static void store(Database db, byte[] key, RedisValue v, long expireAt) {
        if (expireAt == -1) {
            db.set(key, v);
        } else {
            db.set(key, v, expireAt);
        }
    }
}
