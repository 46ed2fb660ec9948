package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.LongDouble;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;

import java.math.BigDecimal;

/**
 * {@code INCRBYFLOAT key increment}
 *
 * <p>Computed in emulated x87 {@code long double} (see {@link LongDouble}), so results and
 * their printed digits are those of Redis on x86-64, beyond the range of a Java double.
 */
public final class IncrByFloatCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("incrbyfloat");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        byte[] key = args[1];
        RedisString s = db.get(key, RedisString.class);
        BigDecimal value = s == null ? BigDecimal.ZERO : LongDouble.parse(s.bytes());
        if (value == null) {
            throw RedisError.NOT_FLOAT;
        }
        BigDecimal incr = LongDouble.parse(args[2]);
        if (incr == null) {
            throw RedisError.NOT_FLOAT;
        }
        BigDecimal sum = LongDouble.add(value, incr);
        if (sum == null) {
            throw Errors.NAN_OR_INFINITY;
        }
        byte[] printed = LongDouble.format(sum);
        db.setKeepTtl(key, RedisString.notEncoded(printed)); // createStringObject: never int
        ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.INCRBYFLOAT, key);
        // The printed result, not the increment: replaying must not depend on float rounding.
        ctx.propagate(Propagation.SET, key, printed, Propagation.KEEPTTL);
        ctx.reply().bulk(printed);
    }
}
