package io.pyredis.commands.bitmaps;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The word-at-a-time counting and searching against a bit-by-bit reading of the same
 * bytes, for every alignment of the range ends around the 8- and 32-byte steps.
 */
class BitsTest {

    private static int bit(byte[] p, long i) {
        return (p[(int) (i >>> 3)] >> (7 - (i & 7))) & 1;
    }

    private static long naiveCount(byte[] p, long first, long last) {
        long n = 0;
        for (long i = first; i <= last; i++) {
            n += bit(p, i);
        }
        return n;
    }

    private static long naivePos(byte[] p, long first, long last, int b) {
        for (long i = first; i <= last; i++) {
            if (bit(p, i) == b) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void countAndPositionAgreeWithBitByBit() {
        Random r = new Random(15);
        for (int round = 0; round < 300; round++) {
            byte[] p = new byte[1 + r.nextInt(90)];
            // Sparse, dense and mixed strings, so that searches run long and stop anywhere.
            int kind = round % 3;
            for (int i = 0; i < p.length; i++) {
                p[i] = (byte) (kind == 0 ? (r.nextInt(40) == 0 ? 1 << r.nextInt(8) : 0)
                        : kind == 1 ? (r.nextInt(40) == 0 ? ~(1 << r.nextInt(8)) : 0xFF) : r.nextInt(256));
            }
            long bits = p.length * 8L;
            for (int k = 0; k < 20; k++) {
                long a = r.nextInt((int) bits);
                long b = a + r.nextInt((int) (bits - a));
                assertEquals(naiveCount(p, a, b), Bits.popcountBits(p, a, b), "count " + a + ".." + b);
                assertEquals(naivePos(p, a, b, 1), Bits.bitpos(p, a, b, 1), "pos 1 " + a + ".." + b);
                assertEquals(naivePos(p, a, b, 0), Bits.bitpos(p, a, b, 0), "pos 0 " + a + ".." + b);
            }
            assertEquals(naiveCount(p, 0, bits - 1), Bits.popcount(p, 0, p.length));
        }
    }

    @Test
    void fieldsRoundTripAtEveryWidthAndOffset() {
        Random r = new Random(7);
        byte[] p = new byte[20];
        for (int bits = 1; bits <= 64; bits++) {
            for (long offset = 0; offset < 24; offset++) {
                long v = r.nextLong();
                Bits.setBits(p, offset, bits, v);
                long mask = bits == 64 ? -1L : (1L << bits) - 1;
                assertEquals(v & mask, Bits.getUnsigned(p, p.length, offset, bits));
                long signed = bits == 64 ? v : (v << (64 - bits)) >> (64 - bits);
                assertEquals(signed, Bits.getSigned(p, p.length, offset, bits));
            }
        }
        // Past the end of the string the bits read as zeros.
        assertEquals(0, Bits.getUnsigned(new byte[] {(byte) 0xFF}, 1, 8, 8));
        assertEquals(0xF0, Bits.getUnsigned(new byte[] {(byte) 0xFF}, 1, 4, 8));
    }

    @Test
    void overflowAsRedisDefinesIt() {
        long[] limit = new long[1];
        assertEquals(1, BitFieldGenericCommand.check(false, 250, 10, 8, BitFieldGenericCommand.SAT, limit));
        assertEquals(255, limit[0]);
        assertEquals(1, BitFieldGenericCommand.check(false, 250, 10, 8, BitFieldGenericCommand.WRAP, limit));
        assertEquals(4, limit[0]);
        assertEquals(-1, BitFieldGenericCommand.check(false, 5, -10, 8, BitFieldGenericCommand.SAT, limit));
        assertEquals(0, limit[0]);
        assertEquals(0, BitFieldGenericCommand.check(false, 5, -5, 8, BitFieldGenericCommand.FAIL, limit));
        assertEquals(-1, BitFieldGenericCommand.check(true, Long.MIN_VALUE, -1, 64, BitFieldGenericCommand.SAT, limit));
        assertEquals(Long.MIN_VALUE, limit[0]);
        assertEquals(1, BitFieldGenericCommand.check(true, Long.MIN_VALUE, -1, 64, BitFieldGenericCommand.WRAP, limit));
        assertEquals(Long.MAX_VALUE, limit[0]);
        assertEquals(1, BitFieldGenericCommand.check(true, 100, 100, 8, BitFieldGenericCommand.WRAP, limit));
        assertEquals(-56, limit[0]);
        assertEquals(1, BitFieldGenericCommand.check(false, -1, 0, 63, BitFieldGenericCommand.SAT, limit));
        assertEquals(Long.MAX_VALUE, limit[0]);
    }
}
