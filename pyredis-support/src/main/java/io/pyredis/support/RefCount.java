package io.pyredis.support;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;

/**
 * The refcount Redis reports for a value (OBJECT REFCOUNT, DEBUG OBJECT). Values are
 * never shared between keys here, so the count is 1, except where Redis stores one of its
 * shared integers 0-9999 and reports INT_MAX: clients and tests that look at it see what
 * they would see from Redis.
 *
 * @since 0.1
 */
public final class RefCount {

    /** Redis's OBJ_SHARED_INTEGERS. */
    private static final long SHARED_INTEGERS = 10000;

    private RefCount() {
    }

    /** The refcount of {@code v} as Redis would report it under the config {@code ctx} sees. */
    public static int of(CommandContext ctx, RedisValue v) {
        return isSharedInteger(ctx, v) ? Integer.MAX_VALUE : 1;
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
