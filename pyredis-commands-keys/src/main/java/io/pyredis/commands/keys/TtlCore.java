package io.pyredis.commands.keys;

import io.pyredis.api.CommandContext;

/** Redis's ttlGenericCommand: TTL, PTTL, EXPIRETIME and PEXPIRETIME. */
final class TtlCore {

    private TtlCore() {
    }

    /**
     * Replies -2 for no key, -1 for no deadline, else the remaining time (or the deadline
     * itself when {@code absolute}), never below 0; seconds are rounded half up, as
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
        // (ttl + 500) / 1000 without overflowing near Long.MAX_VALUE, where Redis's build
        // still gives the rounded value (PEXPIREAT k 9223372036854775807; EXPIRETIME k).
        ctx.reply().integer(millis ? ttl : ttl / 1000 + (ttl % 1000 + 500) / 1000);
    }
}
