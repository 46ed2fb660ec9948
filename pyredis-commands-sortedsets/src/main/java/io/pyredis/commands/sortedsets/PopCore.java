package io.pyredis.commands.sortedsets;

import io.pyredis.support.Keywords;
import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;

import java.util.Arrays;

/** ZPOPMIN/ZPOPMAX, ZMPOP and their blocking forms, as Redis's genericZpopCommand. */
final class PopCore {

    private PopCore() {
    }

    /** ZPOPMIN/ZPOPMAX key [count]. */
    static void zpop(CommandContext ctx, byte[][] args, boolean max) {
        long count = 1;
        boolean hasCount = args.length > 2;
        if (args.length > 3) {
            throw RedisError.SYNTAX;
        }
        if (hasCount) {
            count = Numbers.parseLong(args[2], Errors.MUST_BE_POSITIVE);
            if (count < 0) {
                throw Errors.MUST_BE_POSITIVE;
            }
        }
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        if (z == null || count == 0) {
            ctx.reply().array(0);
            return;
        }
        int n = (int) Math.min(count, z.size());
        Reply r = ctx.reply();
        boolean pairs = hasCount && r.protocol() >= 3;
        r.array(pairs ? n : n * 2);
        popInto(r, z, n, max, pairs);
        ZSets.changed(ctx, args[1], z, Events.pop(max));
    }

    /** Pops {@code n} members from one end, writing member and score, as pairs when asked. */
    private static void popInto(Reply r, RedisSortedSet z, int n, boolean max, boolean pairs) {
        for (int i = 0; i < n; i++) {
            long rank = max ? z.size() - 1 : 0;
            byte[] member = z.memberAt(rank);
            double score = z.scoreAt(rank);
            if (pairs) {
                r.array(2);
            }
            r.bulk(member);
            r.doubleValue(score);
            z.removeRange(rank, rank);
        }
    }

    /** The parsed arguments of ZMPOP/BZMPOP from {@code numkeysIdx} on. */
    record MPop(byte[][] keys, boolean max, long count) {
    }

    static MPop parseMPop(byte[][] args, int numkeysIdx) {
        long numkeys = Numbers.parseLong(args[numkeysIdx], Errors.NUMKEYS);
        if (numkeys < 1) {
            throw Errors.NUMKEYS;
        }
        if (numkeys > args.length - numkeysIdx - 2) {
            throw RedisError.SYNTAX;
        }
        int whereIdx = numkeysIdx + (int) numkeys + 1;
        boolean max;
        if (Keywords.is(args[whereIdx], "MIN")) {
            max = false;
        } else if (Keywords.is(args[whereIdx], "MAX")) {
            max = true;
        } else {
            throw RedisError.SYNTAX;
        }
        long count = -1;
        for (int j = whereIdx + 1; j < args.length; j++) {
            boolean more = j < args.length - 1;
            if (count == -1 && Keywords.is(args[j], "COUNT") && more) {
                j++;
                count = Numbers.parseLong(args[j], Errors.COUNT);
                if (count < 1) {
                    throw Errors.COUNT;
                }
            } else {
                throw RedisError.SYNTAX;
            }
        }
        return new MPop(Arrays.copyOfRange(args, numkeysIdx + 1, whereIdx), max, count == -1 ? 1 : count);
    }

    /**
     * Pops from the first non-empty key of {@code m}, replying {@code [key, [[member, score]...]]};
     * false (nothing written) when every key is empty. A key of another type is an error.
     */
    static boolean mpop(CommandContext ctx, MPop m) {
        Database db = ctx.db();
        for (byte[] key : m.keys()) {
            RedisSortedSet z = db.get(key, RedisSortedSet.class);
            if (z == null) {
                continue;
            }
            int n = (int) Math.min(m.count(), z.size());
            Reply r = ctx.reply();
            r.array(2);
            r.bulk(key);
            r.array(n);
            popInto(r, z, n, m.max(), true);
            ZSets.changed(ctx, key, z, Events.pop(m.max()));
            // As Redis: the key served and how many it gave, whatever COUNT asked.
            ctx.propagate(Propagation.pop(m.max()), key, Numbers.toBytes(n));
            return true;
        }
        return false;
    }

    /** BZPOPMIN/BZPOPMAX key [key ...] timeout. */
    static void bzpop(CommandContext ctx, byte[][] args, boolean max) {
        long timeout = ZSets.timeoutMillis(args[args.length - 1]);
        Database db = ctx.db();
        for (int i = 1; i < args.length - 1; i++) {
            RedisSortedSet z = db.get(args[i], RedisSortedSet.class);
            if (z == null) {
                continue;
            }
            Reply r = ctx.reply();
            r.array(3);
            r.bulk(args[i]);
            popInto(r, z, 1, max, false);
            ZSets.changed(ctx, args[i], z, Events.pop(max));
            ctx.propagate(Propagation.pop(max), args[i]);
            return;
        }
        if (!ctx.block(Arrays.copyOfRange(args, 1, args.length - 1), timeout)) {
            ctx.reply().nullArray();
        }
    }

    /** BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]. */
    static void bzmpop(CommandContext ctx, byte[][] args) {
        long timeout = ZSets.timeoutMillis(args[1]);
        MPop m = parseMPop(args, 2);
        if (!mpop(ctx, m) && !ctx.block(m.keys(), timeout)) {
            ctx.reply().nullArray();
        }
    }
}
