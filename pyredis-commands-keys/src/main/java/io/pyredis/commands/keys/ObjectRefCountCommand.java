package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;

/**
 * {@code OBJECT REFCOUNT key}
 *
 * <p>Values are never shared between keys here, so the count is 1, except where Redis
 * stores one of its shared integers 0-9999 and reports INT_MAX: clients and tests that
 * look at it see what they would see from Redis.
 */
public final class ObjectRefCountCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("object|refcount");

    /** Redis's OBJ_SHARED_INTEGERS. */
    private static final long SHARED_INTEGERS = 10000;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisValue v = ctx.db().inspect(args[2]);
        if (v == null) {
            ctx.reply().nullBulk();
            return;
        }
        ctx.reply().integer(isSharedInteger(ctx, v) ? Integer.MAX_VALUE : 1);
    }

    private static boolean isSharedInteger(CommandContext ctx, RedisValue v) {
        if (!(v instanceof RedisString s) || !"int".equals(v.encoding())) {
            return false;
        }
        long n = Numbers.parseLong(s.bytes());
        if (n < 0 || n >= SHARED_INTEGERS) {
            return false;
        }
        // Redis does not share integers when maxmemory is set with an LRU or LFU policy.
        String maxmemory = ctx.config("maxmemory");
        String policy = ctx.config("maxmemory-policy");
        boolean noShared = maxmemory != null && !maxmemory.equals("0")
                && policy != null && (policy.endsWith("-lru") || policy.endsWith("-lfu"));
        return !noShared;
    }
}
