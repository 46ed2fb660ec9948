package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;
import io.pyredis.support.ScanArgs;

/**
 * ZSCAN key cursor [MATCH pattern] [COUNT count].
 *
 * <p>A {@code listpack} set is returned whole with cursor 0, as Redis does. A
 * {@code skiplist} set is walked in score order: the cursor is the score to resume from
 * (its bits made unsigned-sortable, never 0), and a step always finishes the run of equal
 * scores it is in. So every member present for the whole iteration, whose score does not
 * change, is returned exactly once; COUNT is a hint, as in Redis.
 */
final class ZScanCore {

    private ZScanCore() {
    }

    static void execute(CommandContext ctx, byte[][] args) {
        long cursor = ScanArgs.parseCursor(args[2]);
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        Reply r = ctx.reply();
        if (z == null) {
            r.array(2);
            r.bulk("0");
            r.array(0);
            return;
        }
        ScanArgs scan = ScanArgs.parseOptions(args, 3, false);
        long count = scan.count();
        int size = z.size();
        long from;
        long to;
        long next;
        if ("listpack".equals(z.encoding())) {
            from = 0;
            to = size;
            next = 0;
        } else {
            from = cursor == 0 ? 0 : z.rankOfScore(decode(cursor), false);
            to = Math.min(size, from + count);
            if (to > from) {
                double last = z.scoreAt(to - 1);
                to = z.rankOfScore(last, true);
            }
            next = to >= size ? 0 : encode(z.scoreAt(to));
        }
        int matched = 0;
        long[] ranks = new long[(int) Math.max(0, to - from)];
        for (long rank = from; rank < to; rank++) {
            if (scan.matches(z.memberAt(rank))) {
                ranks[matched++] = rank;
            }
        }
        r.array(2);
        r.bulk(Long.toUnsignedString(next));
        r.array(matched * 2);
        for (int i = 0; i < matched; i++) {
            r.bulk(z.memberAt(ranks[i]));
            r.bulk(Numbers.formatDouble(z.scoreAt(ranks[i])));
        }
    }

    /** An unsigned-sortable, non-zero encoding of a score. */
    static long encode(double score) {
        long bits = Double.doubleToLongBits(score + 0.0);
        long key = bits ^ ((bits >> 63) & Long.MAX_VALUE);
        return key ^ Long.MIN_VALUE;
    }

    static double decode(long cursor) {
        long key = cursor ^ Long.MIN_VALUE;
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }
}
