package io.pyredis.commands.sortedsets;

/**
 * ZSCAN's cursor over a {@code skiplist} set: the score to resume from, its bits made
 * unsigned-sortable so that cursors grow with the scores, and never 0 (the cursor that
 * ends a SCAN).
 */
final class ZScanCore {

    private ZScanCore() {
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
