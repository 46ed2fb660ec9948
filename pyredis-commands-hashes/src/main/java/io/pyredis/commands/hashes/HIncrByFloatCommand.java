package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.support.LongDouble;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisHash;

import java.math.BigDecimal;

/**
 * {@code HINCRBYFLOAT key field increment}
 *
 * <p>Computed in emulated x87 {@code long double} (see {@link LongDouble}), so results and
 * their printed digits are those of Redis on x86-64.
 */
public final class HIncrByFloatCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hincrbyfloat");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        BigDecimal incr = LongDouble.parse(args[3]);
        if (incr == null) {
            throw RedisError.NOT_FLOAT;
        }
        if (LongDouble.isInfinite(incr)) {
            throw Errors.NAN_OR_INFINITY;
        }
        Database db = ctx.db();
        RedisHash h = db.get(args[1], RedisHash.class);
        boolean existed = h != null;
        byte[] old = existed ? h.get(args[2]) : null;
        BigDecimal value = BigDecimal.ZERO;
        if (old != null) {
            value = LongDouble.parse(old);
            if (value == null) {
                throw Errors.HASH_NOT_FLOAT;
            }
        }
        BigDecimal sum = LongDouble.add(value, incr);
        if (sum == null) {
            throw Errors.WOULD_PRODUCE_NAN_OR_INFINITY;
        }
        byte[] printed = LongDouble.format(sum);
        if (!existed) {
            h = db.createHash();
        }
        h.put(args[2], printed);
        HashWrites.done(ctx, args[1], h, existed, Events.HINCRBYFLOAT);
        // The printed result, not the increment: replaying must not depend on float rounding.
        ctx.propagate(Propagation.HSET, args[1], args[2], printed);
        ctx.reply().bulk(printed);
    }
}
