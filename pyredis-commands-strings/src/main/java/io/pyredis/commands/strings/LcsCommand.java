package io.pyredis.commands.strings;

import io.pyredis.support.StringLimits;
import io.pyredis.support.Keywords;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.api.Reply;

import java.util.Arrays;

/**
 * {@code LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]}
 *
 * <p>Redis fills an {@code (n+1)*(m+1)} table of 32-bit lengths and refuses when that
 * table would exceed {@code proto-max-bulk-len}; this refuses in exactly the same cases
 * with the same error, but needs far less memory: two rows of lengths, plus one bit per
 * cell (which way the backtrack goes) only when the LCS itself or its ranges are asked
 * for. At the default limit that is at most 16 MB. The backtrack takes the same path as
 * Redis's, so the string and the ranges are the same.
 */
public final class LcsCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("lcs");

    private static final byte[] EMPTY = new byte[0];

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        RedisValue va = db.get(args[1]);
        RedisValue vb = db.get(args[2]);
        if ((va != null && !(va instanceof RedisString)) || (vb != null && !(vb instanceof RedisString))) {
            throw Errors.LCS_NOT_STRINGS;
        }
        byte[] a = va == null ? EMPTY : ((RedisString) va).bytes();
        byte[] b = vb == null ? EMPTY : ((RedisString) vb).bytes();

        boolean getLen = false;
        boolean getIdx = false;
        boolean withMatchLen = false;
        long minMatchLen = 0;
        for (int j = 3; j < args.length; j++) {
            byte[] opt = args[j];
            boolean moreArgs = j < args.length - 1;
            if (Keywords.is(opt, "idx")) {
                getIdx = true;
            } else if (Keywords.is(opt, "len")) {
                getLen = true;
            } else if (Keywords.is(opt, "withmatchlen")) {
                withMatchLen = true;
            } else if (Keywords.is(opt, "minmatchlen") && moreArgs) {
                minMatchLen = Math.max(0, Numbers.parseLong(args[++j]));
            } else {
                throw RedisError.SYNTAX;
            }
        }
        if (getLen && getIdx) {
            throw Errors.LCS_LEN_AND_IDX;
        }

        int alen = a.length;
        int blen = b.length;
        long cells = ((long) alen + 1) * ((long) blen + 1);
        if (cells > StringLimits.protoMaxBulkLen(ctx) / Integer.BYTES) { // Redis: cells * 4 > limit
            throw Errors.LCS_TOO_MUCH_MEMORY;
        }
        if (cells > StringLimits.MAX_ARRAY * 64) {
            throw Errors.LCS_ALLOCATION_FAILED; // only with a limit configured beyond 64 GB
        }

        boolean computeLcs = getIdx || !getLen;
        if (!computeLcs) {
            ctx.reply().integer(length(a, b));
            return;
        }
        long[] up;
        try {
            up = new long[(int) ((cells + 63) >>> 6)];
        } catch (OutOfMemoryError e) {
            throw Errors.LCS_ALLOCATION_FAILED;
        }
        int total = fill(a, b, up);
        backtrack(ctx.reply(), a, b, up, total, getIdx, withMatchLen, minMatchLen);
    }

    /** The LCS length alone, in two rows. */
    private static int length(byte[] a, byte[] b) {
        int blen = b.length;
        int[] prev = new int[blen + 1];
        int[] cur = new int[blen + 1];
        for (byte ai : a) {
            for (int j = 1; j <= blen; j++) {
                if (ai == b[j - 1]) {
                    cur[j] = prev[j - 1] + 1;
                } else {
                    cur[j] = Math.max(prev[j], cur[j - 1]);
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[blen];
    }

    /**
     * Fills the lengths row by row and, for every cell (i, j) with i, j &gt; 0, sets the bit
     * {@code LCS(i-1, j) > LCS(i, j-1)}: the one decision Redis's backtrack reads from its table
     * when the bytes differ. Returns LCS(n, m).
     */
    private static int fill(byte[] a, byte[] b, long[] up) {
        int blen = b.length;
        int width = blen + 1;
        int[] prev = new int[width];
        int[] cur = new int[width];
        for (int i = 1; i <= a.length; i++) {
            byte ai = a[i - 1];
            long rowBase = (long) i * width;
            for (int j = 1; j <= blen; j++) {
                int upLen = prev[j];
                int leftLen = cur[j - 1];
                if (upLen > leftLen) {
                    long bit = rowBase + j;
                    up[(int) (bit >>> 6)] |= 1L << bit;
                }
                cur[j] = ai == b[j - 1] ? prev[j - 1] + 1 : Math.max(upLen, leftLen);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[blen];
    }

    private static void backtrack(Reply reply, byte[] a, byte[] b, long[] up, int total, boolean getIdx,
                                  boolean withMatchLen, long minMatchLen) {
        int alen = a.length;
        int width = b.length + 1;
        byte[] result = getIdx ? null : new byte[total];
        // Ranges as {aStart, aEnd, bStart, bEnd, length}, in the order Redis emits them.
        int[] ranges = getIdx ? new int[16 * 5] : null;
        int count = 0;
        int idx = total;
        int arangeStart = alen; // alen: no range open
        int arangeEnd = 0;
        int brangeStart = 0;
        int brangeEnd = 0;
        int i = alen;
        int j = b.length;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == b[j - 1]) {
                if (result != null) {
                    result[idx - 1] = a[i - 1];
                }
                if (arangeStart == alen) {
                    arangeStart = i - 1;
                    arangeEnd = i - 1;
                    brangeStart = j - 1;
                    brangeEnd = j - 1;
                } else if (arangeStart == i && brangeStart == j) {
                    arangeStart--;
                    brangeStart--;
                } else {
                    emit = true;
                }
                if (arangeStart == 0 || brangeStart == 0) {
                    emit = true;
                }
                idx--;
                i--;
                j--;
            } else {
                long bit = (long) i * width + j;
                if ((up[(int) (bit >>> 6)] & (1L << bit)) != 0) {
                    i--;
                } else {
                    j--;
                }
                if (arangeStart != alen) {
                    emit = true;
                }
            }
            if (emit) {
                int matchLen = arangeEnd - arangeStart + 1;
                if (ranges != null && (minMatchLen == 0 || matchLen >= minMatchLen)) {
                    if ((count + 1) * 5 > ranges.length) {
                        ranges = Arrays.copyOf(ranges, ranges.length * 2);
                    }
                    int o = count * 5;
                    ranges[o] = arangeStart;
                    ranges[o + 1] = arangeEnd;
                    ranges[o + 2] = brangeStart;
                    ranges[o + 3] = brangeEnd;
                    ranges[o + 4] = matchLen;
                    count++;
                }
                arangeStart = alen;
            }
        }
        if (!getIdx) {
            reply.bulk(result);
            return;
        }
        reply.map(2);
        reply.bulk("matches");
        reply.array(count);
        for (int k = 0; k < count; k++) {
            int o = k * 5;
            reply.array(withMatchLen ? 3 : 2);
            reply.array(2);
            reply.integer(ranges[o]);
            reply.integer(ranges[o + 1]);
            reply.array(2);
            reply.integer(ranges[o + 2]);
            reply.integer(ranges[o + 3]);
            if (withMatchLen) {
                reply.integer(ranges[o + 4]);
            }
        }
        reply.bulk("len");
        reply.integer(total);
    }
}
