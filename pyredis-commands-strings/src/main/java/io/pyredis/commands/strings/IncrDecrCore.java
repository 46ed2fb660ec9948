package io.pyredis.commands.strings;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;

/** INCR, DECR, INCRBY and DECRBY (Redis's {@code incrDecrCommand}). */
final class IncrDecrCore {

    private IncrDecrCore() {
    }

    /** Adds {@code incr} to the integer at {@code key} (0 when missing), keeping its TTL. */
    static void incrBy(CommandContext ctx, byte[] key, long incr) {
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
