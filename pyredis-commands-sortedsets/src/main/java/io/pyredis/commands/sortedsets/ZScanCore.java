package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Glob;
import io.pyredis.api.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;
import io.pyredis.commands.sortedsets.internal.DoubleFormat;

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
        long cursor = parseCursor(args[2]);
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        Reply r = ctx.reply();
        if (z == null) {
            r.array(2);
            r.bulk("0");
            r.array(0);
            return;
        }
        long count = 10;
        byte[] pattern = null;
        for (int i = 3; i < args.length; i += 2) {
            int remaining = args.length - i;
            if (ZSets.is(args[i], "COUNT") && remaining >= 2) {
                count = Numbers.parseLong(args[i + 1]);
                if (count < 1) {
                    throw RedisError.SYNTAX;
                }
            } else if (ZSets.is(args[i], "MATCH") && remaining >= 2) {
                pattern = args[i + 1];
                if (pattern.length == 1 && pattern[0] == '*') {
                    pattern = null;
                }
            } else {
                throw RedisError.SYNTAX;
            }
        }
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
            if (pattern == null || Glob.matches(pattern, z.memberAt(rank))) {
                ranks[matched++] = rank;
            }
        }
        r.array(2);
        r.bulk(Long.toUnsignedString(next));
        r.array(matched * 2);
        for (int i = 0; i < matched; i++) {
            r.bulk(z.memberAt(ranks[i]));
            r.bulk(DoubleFormat.format(z.scoreAt(ranks[i])));
        }
    }

    /** C's strtoul as Redis's parseScanCursorOrReply uses it: sign allowed, no spaces, no overflow. */
    static long parseCursor(byte[] b) {
        int i = 0;
        boolean negative = false;
        if (b.length > 0 && (b[0] == '-' || b[0] == '+')) {
            negative = b[0] == '-';
            i = 1;
        }
        if (i >= b.length) {
            throw Errors.INVALID_CURSOR;
        }
        long v = 0;
        for (; i < b.length; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw Errors.INVALID_CURSOR;
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                throw Errors.INVALID_CURSOR;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
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
