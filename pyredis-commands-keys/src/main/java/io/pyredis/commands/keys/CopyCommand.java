package io.pyredis.commands.keys;

import io.pyredis.support.Keywords;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;

import java.util.Arrays;

/**
 * {@code COPY source destination [DB destination-db] [REPLACE]}
 */
public final class CopyCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("copy");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database src = ctx.db();
        Database dst = src;
        boolean replace = false;
        for (int i = 3; i < args.length; i++) {
            if (Keywords.is(args[i], "replace")) {
                replace = true;
            } else if (Keywords.is(args[i], "db") && i + 1 < args.length) {
                dst = MoveCommand.database(ctx, Errors.parseInt(args[i + 1]));
                i++;
            } else {
                throw RedisError.SYNTAX;
            }
        }
        byte[] key = args[1];
        byte[] newKey = args[2];
        if (src.index() == dst.index() && Arrays.equals(key, newKey)) {
            throw Errors.SAME_OBJECT;
        }
        RedisValue v = src.read(key);
        if (v == null) {
            ctx.reply().integer(0);
            return;
        }
        long expireAt = src.expireAt(key);
        boolean exists = dst.exists(newKey);
        if (exists && !replace) {
            ctx.reply().integer(0);
            return;
        }
        RedisValue copy;
        try {
            copy = v.copy();
        } catch (UnsupportedOperationException e) {
            throw Errors.COPY_NOT_SUPPORTED;
        }
        if (exists) {
            dst.delete(newKey);
        }
        MoveCommand.store(dst, newKey, copy, expireAt);
        ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.COPY_TO, newKey, dst.index());
        ctx.reply().integer(1);
    }
}
