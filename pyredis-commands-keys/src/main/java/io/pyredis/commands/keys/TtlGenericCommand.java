package io.pyredis.commands.keys;

import io.pyredis.api.CommandContext;
import io.pyredis.support.GenericCommand;

/** Redis's ttlGenericCommand: TTL, PTTL, EXPIRETIME and PEXPIRETIME. */
abstract class TtlGenericCommand extends GenericCommand {

    private final boolean millis;
    private final boolean absolute;

    /**
     * @param millis   whether to reply milliseconds (else seconds)
     * @param absolute whether to reply the deadline (else the time left)
     */
    TtlGenericCommand(String name, boolean millis, boolean absolute) {
        super(KeysPack.METADATA.spec(name));
        this.millis = millis;
        this.absolute = absolute;
    }

    /**
     * Replies -2 for no key, -1 for no deadline, else the remaining time (or the deadline
     * itself when {@code absolute}), never below 0; seconds are rounded half up, as
     * Redis's {@code (ttl+500)/1000} does.
     */
    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        byte[] key = args[1];
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
