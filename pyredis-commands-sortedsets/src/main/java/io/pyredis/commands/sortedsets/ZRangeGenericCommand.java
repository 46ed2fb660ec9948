package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

/**
 * The ZRANGE family (ZRANGE, ZRANGESTORE, ZREVRANGE, Z[REV]RANGEBYSCORE, Z[REV]RANGEBYLEX),
 * as Redis's zrangeGenericCommand: every form becomes a span of ranks found in O(log n),
 * then read in either direction with offset and limit.
 */
abstract class ZRangeGenericCommand extends GenericCommand {

    enum Type { AUTO, RANK, SCORE, LEX }

    private final boolean store;
    private final Type type;
    private final Boolean reverse;

    /**
     * @param store   ZRANGESTORE: {@code dst src min max ...}
     * @param type    fixed by the command, or AUTO for ZRANGE/ZRANGESTORE
     * @param reverse null when REV may be given (ZRANGE/ZRANGESTORE)
     */
    ZRangeGenericCommand(String name, boolean store, Type type, Boolean reverse) {
        super(SortedSetsPack.METADATA.spec(name));
        this.store = store;
        this.type = type;
        this.reverse = reverse;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        range(ctx, args, store ? 2 : 1, store ? args[1] : null, type, reverse);
    }

    /**
     * @param keyIdx    where the source key is; min and max follow it
     * @param dst       the destination key for ZRANGESTORE, else null
     */
    private static void range(CommandContext ctx, byte[][] args, int keyIdx, byte[] dst, Type type, Boolean reverse) {
        boolean store = dst != null;
        int minIdx = keyIdx + 1;
        int maxIdx = keyIdx + 2;
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        for (int j = keyIdx + 3; j < args.length; j++) {
            int left = args.length - j - 1;
            byte[] a = args[j];
            if (!store && Keywords.is(a, "WITHSCORES")) {
                withScores = true;
            } else if (Keywords.is(a, "LIMIT") && left >= 2) {
                offset = Numbers.parseLong(args[j + 1]);
                limit = Numbers.parseLong(args[j + 2]);
                j += 2;
            } else if (reverse == null && Keywords.is(a, "REV")) {
                reverse = Boolean.TRUE;
            } else if (type == Type.AUTO && Keywords.is(a, "BYLEX")) {
                type = Type.LEX;
            } else if (type == Type.AUTO && Keywords.is(a, "BYSCORE")) {
                type = Type.SCORE;
            } else {
                throw RedisError.SYNTAX;
            }
        }
        boolean rev = reverse != null && reverse;
        if (type == Type.AUTO) {
            type = Type.RANK;
        }
        if (limit != -1 && type == Type.RANK) {
            throw Errors.LIMIT_NEEDS_BY;
        }
        if (withScores && type == Type.LEX) {
            throw Errors.WITHSCORES_BYLEX;
        }
        if (rev && type != Type.RANK) {
            int t = minIdx;
            minIdx = maxIdx;
            maxIdx = t;
        }
        ZSets.Range range;
        switch (type) {
            case SCORE -> {
                try {
                    range = ZSets.scoreRange(args[minIdx], args[maxIdx]);
                } catch (RedisError e) {
                    throw Errors.MIN_MAX_NOT_FLOAT;
                }
            }
            case LEX -> range = ZSets.lexRange(args[minIdx], args[maxIdx]);
            default -> range = ZSets.rankRange(args[minIdx], args[maxIdx]);
        }
        Database db = ctx.db();
        RedisSortedSet z = db.read(args[keyIdx], RedisSortedSet.class);
        if (z == null) {
            if (store) {
                ZSets.store(ctx, dst, null, Events.ZRANGESTORE);
                ctx.reply().integer(0);
            } else {
                ctx.reply().array(0);
            }
            return;
        }
        // [lo, hi): the ranks in range, ascending.
        long size = z.size();
        ZSets.Ranks ranks = range.in(z);
        long lo = ranks.lo();
        long hi = ranks.hi();
        if (type == Type.RANK) {
            if (rev && hi > lo) {
                // ranks count from the top when reversed
                lo = size - ranks.hi();
                hi = size - ranks.lo();
            }
        } else if (offset < 0) {
            hi = lo;
        } else if (hi > lo) {
            long n = hi - lo;
            long skip = Math.min(offset, n);
            n -= skip;
            if (limit >= 0 && limit < n) {
                n = limit;
            }
            if (rev) {
                hi -= skip;
                lo = hi - n;
            } else {
                lo += skip;
                hi = lo + n;
            }
        }
        if (hi < lo) {
            hi = lo;
        }
        long from = rev ? hi - 1 : lo;
        long to = rev ? lo : hi - 1;
        if (store) {
            RedisSortedSet out = db.createSortedSet();
            for (long r = lo; r < hi; r++) {
                out.put(z.memberAt(r), z.scoreAt(r));
            }
            ZSets.store(ctx, dst, out, Events.ZRANGESTORE);
            ctx.reply().integer(out.size());
        } else if (hi == lo) {
            ctx.reply().array(0);
        } else {
            ZSets.replyRanks(ctx.reply(), z, from, to, withScores);
        }
    }
}
