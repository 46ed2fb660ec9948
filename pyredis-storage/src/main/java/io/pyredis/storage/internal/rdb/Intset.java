package io.pyredis.storage.internal.rdb;

/**
 * Redis's intset byte format (intset.c): encoding (2, 4 or 8 bytes per element) and
 * length as 32-bit little endian, then the elements sorted ascending, little endian.
 */
public final class Intset {

    private Intset() {
    }

    /** The blob of {@code sorted} (ascending, distinct), in the narrowest encoding that holds them all. */
    public static byte[] encode(long[] sorted, int n) {
        int enc = 2;
        for (int i = 0; i < n; i++) {
            long v = sorted[i];
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                enc = 8;
                break;
            }
            if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                enc = 4;
            }
        }
        byte[] b = new byte[8 + n * enc];
        put(b, 0, enc, 4);
        put(b, 4, n, 4);
        for (int i = 0; i < n; i++) {
            put(b, 8 + i * enc, sorted[i], enc);
        }
        return b;
    }

    private static void put(byte[] b, int p, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[p + i] = (byte) (v >>> (8 * i));
        }
    }

    /** The elements of {@code blob}, which must be exactly an intset of strictly ascending values. */
    public static long[] decode(byte[] blob, long base) throws RdbException {
        if (blob.length < 8) {
            throw new RdbException("intset too short (" + blob.length + " bytes)", base);
        }
        long enc = Listpack.u32(blob, 0);
        if (enc != 2 && enc != 4 && enc != 8) {
            throw new RdbException("bad intset encoding " + enc, base);
        }
        long len = Listpack.u32(blob, 4);
        if (len * enc != blob.length - 8) {
            throw new RdbException("intset of " + len + " elements of " + enc + " bytes in " + blob.length + " bytes",
                    base);
        }
        int e = (int) enc;
        long[] out = new long[(int) len];
        for (int i = 0; i < len; i++) {
            int p = 8 + i * e;
            long v = 0;
            for (int k = e - 1; k >= 0; k--) {
                v = (v << 8) | (blob[p + k] & 0xff);
            }
            int shift = 64 - 8 * e;
            v = (v << shift) >> shift;
            if (i > 0 && v <= out[i - 1]) {
                throw new RdbException("intset elements not in ascending order", base + p);
            }
            out[i] = v;
        }
        return out;
    }
}
