package io.pyredis.api;

import java.nio.charset.StandardCharsets;

/**
 * A stream entry ID, {@code <ms>-<seq>}: two unsigned 64-bit numbers, ordered as Redis's
 * streamCompareID (unsigned, milliseconds first).
 *
 * @param ms  the milliseconds part, unsigned
 * @param seq the sequence part, unsigned
 * @since 0.1
 */
public record StreamId(long ms, long seq) implements Comparable<StreamId> {

    /** {@code 0-0}, the smallest ID. */
    public static final StreamId MIN = new StreamId(0, 0);
    /** {@code 18446744073709551615-18446744073709551615}, the largest ID. */
    public static final StreamId MAX = new StreamId(-1L, -1L);

    @Override
    public int compareTo(StreamId o) {
        int c = Long.compareUnsigned(ms, o.ms);
        return c != 0 ? c : Long.compareUnsigned(seq, o.seq);
    }

    /** Whether this is {@code 0-0}. */
    public boolean isZero() {
        return ms == 0 && seq == 0;
    }

    /** The next ID (streamIncrID), or {@code null} when this is {@link #MAX}. */
    public StreamId next() {
        if (seq != -1L) {
            return new StreamId(ms, seq + 1);
        }
        return ms == -1L ? null : new StreamId(ms + 1, 0);
    }

    /** The previous ID (streamDecrID), or {@code null} when this is {@link #MIN}. */
    public StreamId previous() {
        if (seq != 0) {
            return new StreamId(ms, seq - 1);
        }
        return ms == 0 ? null : new StreamId(ms - 1, -1L);
    }

    /** {@code ms-seq}, both unsigned decimal. */
    @Override
    public String toString() {
        return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
    }

    /** The bytes of {@link #toString()}. */
    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.US_ASCII);
    }
}
