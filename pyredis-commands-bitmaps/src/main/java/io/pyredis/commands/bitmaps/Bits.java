package io.pyredis.commands.bitmaps;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;
import io.pyredis.support.StringLimits;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The bit arithmetic of the pack, on plain byte arrays: bit 0 is the most significant bit
 * of byte 0, as in Redis. Counting and searching go 8 bytes at a time through a
 * {@code long} view of the array.
 */
final class Bits {

    /** Any order serves a population count: the machine's is the cheapest. */
    private static final VarHandle NATIVE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    /** Big-endian, so a word's leading zeros are the bit offset within it. */
    private static final VarHandle BIG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bits() {
    }

    /**
     * Redis's getBitOffsetFromArgument: a bit offset, {@code #n} meaning n times {@code bits}
     * when {@code hash}, below 8 times {@code proto-max-bulk-len}.
     */
    static long bitOffset(CommandContext ctx, byte[] arg, boolean hash, int bits) {
        boolean useHash = hash && bits > 0 && arg.length > 0 && arg[0] == '#';
        byte[] digits = useHash ? Arrays.copyOfRange(arg, 1, arg.length) : arg;
        long offset = Numbers.parseLong(digits, Errors.BIT_OFFSET);
        if (useHash) {
            offset *= bits; // wraps as C's does: a huge #n lands below zero and is refused
        }
        long bytes = offset >>> 3;
        if (offset < 0 || (bytes >= StringLimits.MIN_PROTO_MAX_BULK_LEN && bytes >= StringLimits.protoMaxBulkLen(ctx))) {
            throw Errors.BIT_OFFSET;
        }
        return offset;
    }

    /** A range of bits, both ends included. */
    record Range(long first, long last) {
    }

    /**
     * The bits of a string of {@code length} bytes that BITCOUNT's and BITPOS's
     * {@code start end} cover ({@code isBit}: they count bits, else bytes), with Redis's
     * rules for negative and out-of-range ends; {@code null} when empty.
     */
    static Range range(long start, long end, long length, boolean isBit) {
        long total = isBit ? length << 3 : length;
        if (start < 0) {
            start = total + start;
        }
        if (end < 0) {
            end = total + end;
        }
        start = Math.max(start, 0);
        end = Math.max(end, 0);
        if (end >= total) {
            end = total - 1;
        }
        if (start > end) {
            return null;
        }
        return isBit ? new Range(start, end) : new Range(start << 3, (end << 3) + 7);
    }

    /** BITCOUNT's and BITPOS's unit keyword: whether it is {@code BIT} (else {@code BYTE}, else a syntax error). */
    static boolean isBitUnit(byte[] arg) {
        if (Keywords.is(arg, "bit")) {
            return true;
        }
        if (Keywords.is(arg, "byte")) {
            return false;
        }
        throw RedisError.SYNTAX;
    }

    /** The byte length a string needs for bit {@code maxBit}, refused beyond what an array holds. */
    static long bytesFor(long maxBit) {
        long n = (maxBit >>> 3) + 1;
        if (n > StringLimits.MAX_ARRAY) {
            throw RedisError.STRING_TOO_LONG;
        }
        return n;
    }

    /** The bits set in bytes {@code [from, to)}. */
    static long popcount(byte[] p, int from, int to) {
        long n = 0;
        int i = from;
        // Four independent sums: the popcnt instructions overlap.
        long a = 0;
        long b = 0;
        long c = 0;
        long d = 0;
        for (; i + 32 <= to; i += 32) {
            a += Long.bitCount((long) NATIVE.get(p, i));
            b += Long.bitCount((long) NATIVE.get(p, i + 8));
            c += Long.bitCount((long) NATIVE.get(p, i + 16));
            d += Long.bitCount((long) NATIVE.get(p, i + 24));
        }
        n += a + b + c + d;
        for (; i + 8 <= to; i += 8) {
            n += Long.bitCount((long) NATIVE.get(p, i));
        }
        for (; i < to; i++) {
            n += Integer.bitCount(p[i] & 0xFF);
        }
        return n;
    }

    /** The bits set from bit {@code first} to bit {@code last}, both included and within {@code p}. */
    static long popcountBits(byte[] p, long first, long last) {
        int fb = (int) (first >>> 3);
        int lb = (int) (last >>> 3);
        long n = popcount(p, fb, lb + 1);
        // Take back the bits of the edge bytes outside the range.
        n -= Integer.bitCount(p[fb] & 0xFF & ~(0xFF >>> (first & 7)));
        n -= Integer.bitCount(p[lb] & ((1 << (7 - (last & 7))) - 1));
        return n;
    }

    /**
     * The first bit equal to {@code bit} from bit {@code first} to bit {@code last} (both
     * included, within {@code p}), or -1.
     */
    static long bitpos(byte[] p, long first, long last, int bit) {
        int fb = (int) (first >>> 3);
        int lb = (int) (last >>> 3);
        // Look for set bits in the bytes, flipped when looking for clear ones.
        int flip = bit == 1 ? 0 : 0xFF;
        int lastMask = (0xFF << (7 - (last & 7))) & 0xFF;
        int v = ((p[fb] ^ flip) & 0xFF) & (0xFF >>> (first & 7));
        if (fb == lb) {
            return found(fb, v & lastMask);
        }
        if (v != 0) {
            return found(fb, v);
        }
        int i = fb + 1;
        long flipWord = bit == 1 ? 0 : -1L;
        for (; i + 8 <= lb; i += 8) {
            long w = (long) BIG.get(p, i) ^ flipWord;
            if (w != 0) {
                return i * 8L + Long.numberOfLeadingZeros(w);
            }
        }
        for (; i < lb; i++) {
            int x = (p[i] ^ flip) & 0xFF;
            if (x != 0) {
                return found(i, x);
            }
        }
        return found(lb, ((p[lb] ^ flip) & 0xFF) & lastMask);
    }

    private static long found(int index, int byteBits) {
        return byteBits == 0 ? -1 : index * 8L + Integer.numberOfLeadingZeros(byteBits) - 24;
    }

    /** The bit at {@code offset}, 0 past {@code length} bytes. */
    static int get(byte[] p, int length, long offset) {
        long i = offset >>> 3;
        return i < length ? (p[(int) i] >> (7 - (offset & 7))) & 1 : 0;
    }

    /** Sets the bit at {@code offset} (within {@code p}) to {@code bit}. */
    static void set(byte[] p, long offset, int bit) {
        int i = (int) (offset >>> 3);
        int mask = 1 << (7 - (offset & 7));
        p[i] = (byte) (bit == 0 ? p[i] & ~mask : p[i] | mask);
    }

    /** The {@code bits} (1-64) bits from {@code offset} as an unsigned number; bytes past {@code length} are zeros. */
    static long getUnsigned(byte[] p, int length, long offset, int bits) {
        long v = 0;
        for (int j = 0; j < bits; j++) {
            v = (v << 1) | get(p, length, offset + j);
        }
        return v;
    }

    /** As {@link #getUnsigned}, sign-extended from bit {@code bits - 1}. */
    static long getSigned(byte[] p, int length, long offset, int bits) {
        long v = getUnsigned(p, length, offset, bits);
        return bits < 64 ? (v << (64 - bits)) >> (64 - bits) : v;
    }

    /** Writes the low {@code bits} bits of {@code value} from {@code offset}, within {@code p}. */
    static void setBits(byte[] p, long offset, int bits, long value) {
        for (int j = 0; j < bits; j++) {
            set(p, offset + j, (int) (value >>> (bits - 1 - j)) & 1);
        }
    }
}
