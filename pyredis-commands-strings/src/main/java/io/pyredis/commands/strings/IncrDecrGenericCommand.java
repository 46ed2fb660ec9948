package io.pyredis.commands.strings;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Numbers;

/**
 * INCR, DECR ({@code key}), INCRBY and DECRBY ({@code key amount}), as Redis's
 * incrDecrCommand: adds to the integer at the key (0 when missing), keeping its TTL.
 */
abstract class IncrDecrGenericCommand extends GenericCommand {

    private final boolean amountGiven;
    private final boolean decrement;

    /**
     * @param amountGiven INCRBY and DECRBY: the amount is {@code args[2]}, else 1
     * @param decrement   DECR and DECRBY: the amount is subtracted
     */
    IncrDecrGenericCommand(String name, boolean amountGiven, boolean decrement) {
        super(StringsPack.METADATA.spec(name));
        this.amountGiven = amountGiven;
        this.decrement = decrement;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        long incr = amountGiven ? Numbers.parseLong(args[2]) : 1;
        if (decrement) {
            if (incr == Long.MIN_VALUE) {
                throw Errors.DECREMENT_OVERFLOW; // its negation does not exist
            }
            incr = -incr;
        }
        byte[] key = args[1];
        Database db = ctx.db();
        RedisString s = db.get(key, RedisString.class);
        long value = s == null ? 0 : Numbers.parseLong(s.bytes());
        if ((incr < 0 && value < 0 && incr < Long.MIN_VALUE - value)
                || (incr > 0 && value > 0 && incr > Long.MAX_VALUE - value)) {
            throw RedisError.OVERFLOW;
        }
        value += incr;
        db.setKeepTtl(key, RedisString.of(value));
        ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.INCRBY, key);
        ctx.reply().integer(value);
    }
}
