package io.pyredis.storage.internal.rdb;

/**
 * Redis's crc64 (crc64.c): the Jones polynomial 0xad93d23594c935a9, reflected input and
 * output, initial value 0, no final xor. Check value: crc64("123456789") = 0xe9c6d914c4b8d9ca.
 */
public final class Crc64 {

    private static final long POLY_REFLECTED = reflect(0xad93d23594c935a9L);
    private static final long[][] TABLES = new long[8][256];

    static {
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY_REFLECTED : crc >>> 1;
            }
            TABLES[0][n] = crc;
        }
        for (int n = 0; n < 256; n++) {
            long crc = TABLES[0][n];
            for (int k = 1; k < 8; k++) {
                crc = TABLES[0][(int) (crc & 0xff)] ^ (crc >>> 8);
                TABLES[k][n] = crc;
            }
        }
    }

    private Crc64() {
    }

    private static long reflect(long v) {
        return Long.reverse(v);
    }

    /** Continues {@code crc} over {@code len} bytes of {@code b} from {@code off}. */
    public static long update(long crc, byte[] b, int off, int len) {
        long[][] t = TABLES;
        int i = off;
        int end = off + len;
        // Slicing by 8: one table lookup per byte, eight bytes per round.
        while (end - i >= 8) {
            crc ^= (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
                    | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48
                    | (b[i + 7] & 0xffL) << 56;
            crc = t[7][(int) (crc & 0xff)] ^ t[6][(int) ((crc >>> 8) & 0xff)]
                    ^ t[5][(int) ((crc >>> 16) & 0xff)] ^ t[4][(int) ((crc >>> 24) & 0xff)]
                    ^ t[3][(int) ((crc >>> 32) & 0xff)] ^ t[2][(int) ((crc >>> 40) & 0xff)]
                    ^ t[1][(int) ((crc >>> 48) & 0xff)] ^ t[0][(int) (crc >>> 56)];
            i += 8;
        }
        while (i < end) {
            crc = t[0][(int) ((crc ^ b[i++]) & 0xff)] ^ (crc >>> 8);
        }
        return crc;
    }

    /** The crc of a whole array. */
    public static long of(byte[] b) {
        return update(0, b, 0, b.length);
    }
}
