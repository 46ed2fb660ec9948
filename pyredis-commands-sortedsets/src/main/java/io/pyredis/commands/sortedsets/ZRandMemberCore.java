package io.pyredis.commands.sortedsets;

import io.pyredis.support.Keywords;
import io.pyredis.api.CommandContext;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;
import io.pyredis.support.Sampling;

import java.util.concurrent.ThreadLocalRandom;

/** ZRANDMEMBER key [count [WITHSCORES]], as Redis's zrandmemberWithCountCommand. */
final class ZRandMemberCore {

    /** The most members a negative count may ask for: {@link Sampling#MAX_REPEATED}. */
    static final long MAX_REPEATED = Sampling.MAX_REPEATED;

    private ZRandMemberCore() {
    }

    static void execute(CommandContext ctx, byte[][] args) {
        if (args.length == 2) {
            RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
            if (z == null) {
                ctx.reply().nullBulk();
            } else {
                ctx.reply().bulk(z.memberAt(ThreadLocalRandom.current().nextInt(z.size())));
            }
            return;
        }
        boolean withScores = false;
        if (args.length == 4 && Keywords.is(args[3], "WITHSCORES")) {
            withScores = true;
        } else if (args.length >= 4) {
            throw RedisError.SYNTAX;
        }
        long l = Numbers.parseLong(args[2]);
        if (l == Long.MIN_VALUE) {
            throw Errors.RANDMEMBER_RANGE;
        }
        if (withScores && (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2)) {
            throw Errors.OUT_OF_RANGE;
        }
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        Reply r = ctx.reply();
        if (z == null || l == 0) {
            r.array(0);
            return;
        }
        boolean pairs = withScores && r.protocol() >= 3;
        int size = z.size();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (l < 0) {
            long count = -l;
            if (count > MAX_REPEATED) {
                throw Errors.OUT_OF_RANGE;
            }
            r.array((int) (withScores && !pairs ? count * 2 : count));
            for (long i = 0; i < count; i++) {
                emit(r, z, random.nextInt(size), withScores, pairs);
            }
            return;
        }
        if (l >= size) {
            ZSets.replyRanks(r, z, 0, size - 1, withScores);
            return;
        }
        int[] ranks = Sampling.distinct(size, (int) l);
        r.array(withScores && !pairs ? ranks.length * 2 : ranks.length);
        for (int rank : ranks) {
            emit(r, z, rank, withScores, pairs);
        }
    }

    private static void emit(Reply r, RedisSortedSet z, long rank, boolean withScores, boolean pairs) {
        if (pairs) {
            r.array(2);
        }
        r.bulk(z.memberAt(rank));
        if (withScores) {
            r.doubleValue(z.scoreAt(rank));
        }
    }
}
