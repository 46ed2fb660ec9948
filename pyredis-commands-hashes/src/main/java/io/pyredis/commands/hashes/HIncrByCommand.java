package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisHash;

/**
 * {@code HINCRBY key field increment}
 */
public final class HIncrByCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hincrby");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long incr = Numbers.parseLong(args[3]);
        Database db = ctx.db();
        RedisHash h = db.get(args[1], RedisHash.class);
        boolean existed = h != null;
        byte[] old = existed ? h.get(args[2]) : null;
        long value = old == null ? 0 : Numbers.parseLong(old, Errors.HASH_NOT_INTEGER);
        if ((incr < 0 && value < 0 && incr < Long.MIN_VALUE - value)
                || (incr > 0 && value > 0 && incr > Long.MAX_VALUE - value)) {
            throw RedisError.OVERFLOW;
        }
        value += incr;
        if (!existed) {
            h = db.createHash();
        }
        h.put(args[2], Numbers.toBytes(value));
        HashWrites.done(ctx, args[1], h, existed, Events.HINCRBY);
        ctx.reply().integer(value);
    }
}
