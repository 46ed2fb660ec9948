package io.pyredis.commands.keys;

import io.pyredis.api.CommandContext;

/** Redis's ttlGenericCommand: TTL, PTTL, EXPIRETIME and PEXPIRETIME. */
final class TtlCore {

    private TtlCore() {
    }

    /**
     * Replies -2 for no key, -1 for no deadline, else the remaining time (or the deadline
     * itself when {@code absolute}), never below 0; seconds are rounded to the nearest, as
     * Redis's {@code (ttl+500)/1000} does.
     */
    static void execute(CommandContext ctx, byte[] key, boolean millis, boolean absolute) {
        long at = ctx.db().expireAt(key);
        if (at < 0) {
            ctx.reply().integer(at);
            return;
        }
        long ttl = absolute ? at : at - ctx.now();
        if (ttl < 0) {
            ttl = 0;
        }
        ctx.reply().integer(millis ? ttl : (ttl + 500) / 1000);
    }
}
