package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;

/** ZADD and ZINCRBY, as Redis's zaddGenericCommand and zsetAdd. */
final class ZAddCore {

    static final int NX = 1;
    static final int XX = 2;
    static final int GT = 4;
    static final int LT = 8;
    static final int CH = 16;
    static final int INCR = 32;

    private ZAddCore() {
    }

    /** Runs ZADD-like {@code args} whose flags (if any) start at {@code scoreIdx}'s left. */
    static void execute(CommandContext ctx, byte[][] args, int flags, int scoreIdx) {
        int elements = args.length - scoreIdx;
        if (elements % 2 != 0 || elements == 0) {
            throw RedisError.SYNTAX;
        }
        elements /= 2;
        boolean nx = (flags & NX) != 0;
        boolean xx = (flags & XX) != 0;
        boolean gt = (flags & GT) != 0;
        boolean lt = (flags & LT) != 0;
        boolean incr = (flags & INCR) != 0;
        if (nx && xx) {
            throw Errors.XX_AND_NX;
        }
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            throw Errors.GT_LT_NX;
        }
        if (incr && elements > 1) {
            throw Errors.INCR_SINGLE_PAIR;
        }
        double[] scores = new double[elements];
        for (int j = 0; j < elements; j++) {
            scores[j] = Numbers.parseDouble(args[scoreIdx + j * 2]);
        }
        Database db = ctx.db();
        byte[] key = args[1];
        RedisSortedSet z = db.get(key, RedisSortedSet.class);
        boolean created = false;
        if (z == null) {
            if (xx) {
                reply(ctx, flags, 0, 0, false, 0);
                return;
            }
            z = db.createSortedSet();
            created = true;
        }
        long added = 0;
        long updated = 0;
        boolean processed = false;
        double newScore = 0;
        RedisError failure = null;
        for (int j = 0; j < elements; j++) {
            byte[] member = args[scoreIdx + j * 2 + 1];
            double score = scores[j];
            double cur = z.score(member);
            if (!Double.isNaN(cur)) {
                if (nx) {
                    continue;
                }
                if (incr) {
                    score += cur;
                    if (Double.isNaN(score)) {
                        failure = Errors.NAN_SCORE;
                        break;
                    }
                }
                if ((lt && score >= cur) || (gt && score <= cur)) {
                    continue;
                }
                newScore = score;
                processed = true;
                if (score != cur) {
                    z.put(member, score);
                    updated++;
                }
            } else {
                if (xx) {
                    continue;
                }
                z.put(member, score);
                newScore = score;
                processed = true;
                added++;
            }
        }
        if (created && z.size() > 0) {
            db.set(key, z);
        } else if (added + updated > 0) {
            db.modified(key);
        }
        if (added + updated > 0) {
            ctx.notifyKeyspaceEvent(KeyspaceEvent.ZSET, incr ? Events.ZINCR : Events.ZADD, key);
        }
        if (failure != null) {
            throw failure;
        }
        reply(ctx, flags, added, updated, processed, newScore);
    }

    private static void reply(CommandContext ctx, int flags, long added, long updated, boolean processed,
                              double newScore) {
        if ((flags & INCR) != 0) {
            if (processed) {
                ctx.reply().doubleValue(newScore);
            } else {
                ctx.reply().nullBulk();
            }
        } else {
            // CH counts the changed elements too; without it only the added ones.
            ctx.reply().integer((flags & CH) != 0 ? added + updated : added);
        }
    }
}
