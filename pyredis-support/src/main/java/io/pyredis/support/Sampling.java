package io.pyredis.support;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random picks for HRANDFIELD, SRANDMEMBER and ZRANDMEMBER. Positions come from the value's
 * O(1) positional access, so a pick is uniform (fairer than Redis's bucket sampling) and
 * costs no scan.
 *
 * @since 0.1
 */
public final class Sampling {

    /**
     * The most elements a reply with repeats (negative count) may have. Redis 7.0 streams
     * whatever is asked for, so a count near 2^62 exhausts its memory; here such a request
     * is refused with Redis's own range error instead.
     *
     * @since 0.1
     */
    public static final long MAX_REPEATED = 1L << 24;

    private Sampling() {
    }

    /**
     * {@code count} distinct positions out of {@code 0..size-1}, {@code count < size},
     * in random order. A partial Fisher-Yates shuffle when many are wanted, rejection
     * sampling into a small open-addressed set when few are.
     *
     * @since 0.1
     */
    public static int[] distinct(int size, int count) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int[] out = new int[count];
        if ((long) count * 3 > size) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            for (int i = 0; i < count; i++) {
                int j = i + r.nextInt(size - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
                out[i] = all[i];
            }
            return out;
        }
        int cap = Integer.highestOneBit(count * 4 - 1) << 1;
        int[] seen = new int[cap];
        Arrays.fill(seen, -1);
        int mask = cap - 1;
        int n = 0;
        while (n < count) {
            int p = r.nextInt(size);
            int slot = (p * 0x9E3779B9) & mask;
            while (seen[slot] >= 0 && seen[slot] != p) {
                slot = (slot + 1) & mask;
            }
            if (seen[slot] == p) {
                continue;
            }
            seen[slot] = p;
            out[n++] = p;
        }
        return out;
    }
}
