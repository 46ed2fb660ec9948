package io.pyredis.storage.internal;

import io.pyredis.support.Numbers;

/**
 * Redis's listpack entry codec (listpack.c) on plain byte arrays, for values that keep
 * their listpacks as bytes (stream nodes) and for the RDB writer's builder: an entry is an
 * encoding byte with its data, then its back-length. Strings that are canonical 64-bit
 * integers are stored as integers, as lpEncodeGetType does. Readers here trust the bytes:
 * blobs from outside are validated first ({@code StreamValue.validateNode}).
 */
public final class Lp {

    /** The listpack header: total bytes (u32) and element count (u16), little endian. */
    public static final int HEADER_SIZE = 6;
    public static final int EOF = 0xFF;
    /** An element count this large in the header means "count them". */
    public static final int NUMELE_UNKNOWN = 65535;

    private Lp() {
    }

    /** The bytes {@code e} takes as an entry, back-length included. */
    public static int stringSize(byte[] e) {
        if (e.length <= 20 && e.length > 0 && Numbers.isCanonicalLong(e)) {
            return intSize(Numbers.parseLong(e));
        }
        int n = e.length;
        int enc = n < 64 ? 1 + n : n < 4096 ? 2 + n : 5 + n;
        return enc + backlenSize(enc);
    }

    /** The bytes integer {@code v} takes as an entry, back-length included. */
    public static int intSize(long v) {
        int enc = intEncodedSize(v);
        return enc + 1;
    }

    private static int intEncodedSize(long v) {
        if (v >= 0 && v <= 127) {
            return 1;
        } else if (v >= -4096 && v <= 4095) {
            return 2;
        } else if (v >= -32768 && v <= 32767) {
            return 3;
        } else if (v >= -8388608 && v <= 8388607) {
            return 4;
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return 5;
        }
        return 9;
    }

    /** Writes {@code e} at {@code p} (room for {@link #stringSize} bytes); returns the position after it. */
    public static int writeString(byte[] e, byte[] dst, int p) {
        if (e.length <= 20 && e.length > 0 && Numbers.isCanonicalLong(e)) {
            return writeInt(Numbers.parseLong(e), dst, p);
        }
        int n = e.length;
        int start = p;
        if (n < 64) {
            dst[p++] = (byte) (0x80 | n);
        } else if (n < 4096) {
            dst[p++] = (byte) (0xE0 | (n >>> 8));
            dst[p++] = (byte) n;
        } else {
            dst[p++] = (byte) 0xF0;
            dst[p++] = (byte) n;
            dst[p++] = (byte) (n >>> 8);
            dst[p++] = (byte) (n >>> 16);
            dst[p++] = (byte) (n >>> 24);
        }
        System.arraycopy(e, 0, dst, p, n);
        p += n;
        return writeBacklen(p - start, dst, p);
    }

    /** Writes integer {@code v} in its smallest encoding at {@code p}; returns the position after it. */
    public static int writeInt(long v, byte[] dst, int p) {
        int len = intEncodedSize(v);
        switch (len) {
            case 1:
                dst[p] = (byte) v;
                break;
            case 2: {
                long u = v < 0 ? (1 << 13) + v : v;
                dst[p] = (byte) ((u >>> 8) | 0xC0);
                dst[p + 1] = (byte) u;
                break;
            }
            default:
                dst[p] = (byte) (len == 3 ? 0xF1 : len == 4 ? 0xF2 : len == 5 ? 0xF3 : 0xF4);
                for (int i = 0; i < len - 1; i++) {
                    dst[p + 1 + i] = (byte) (v >>> (8 * i));
                }
                break;
        }
        return writeBacklen(len, dst, p + len);
    }

    /** lpEncodeBacklen: the entry size in 7-bit groups, most significant first. */
    private static int writeBacklen(int l, byte[] dst, int p) {
        if (l <= 127) {
            dst[p++] = (byte) l;
        } else if (l < 16383) {
            dst[p++] = (byte) (l >>> 7);
            dst[p++] = (byte) ((l & 127) | 128);
        } else if (l < 2097151) {
            dst[p++] = (byte) (l >>> 14);
            dst[p++] = (byte) (((l >>> 7) & 127) | 128);
            dst[p++] = (byte) ((l & 127) | 128);
        } else if (l < 268435455) {
            dst[p++] = (byte) (l >>> 21);
            dst[p++] = (byte) (((l >>> 14) & 127) | 128);
            dst[p++] = (byte) (((l >>> 7) & 127) | 128);
            dst[p++] = (byte) ((l & 127) | 128);
        } else {
            dst[p++] = (byte) (l >>> 28);
            dst[p++] = (byte) (((l >>> 21) & 127) | 128);
            dst[p++] = (byte) (((l >>> 14) & 127) | 128);
            dst[p++] = (byte) (((l >>> 7) & 127) | 128);
            dst[p++] = (byte) ((l & 127) | 128);
        }
        return p;
    }

    public static int backlenSize(int l) {
        return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
    }

    /**
     * The encoding length (type byte and data, no back-length) of the entry at {@code p},
     * or -1 when its first byte is no valid encoding.
     */
    public static long encodedLength(byte[] lp, int p) {
        int b = lp[p] & 0xff;
        if ((b & 0x80) == 0) {
            return 1;
        } else if ((b & 0xC0) == 0x80) {
            return 1 + (b & 0x3f);
        } else if ((b & 0xE0) == 0xC0) {
            return 2;
        } else if ((b & 0xF0) == 0xE0) {
            return 2 + (((b & 0x0f) << 8) | (lp[p + 1] & 0xff));
        }
        switch (b) {
            case 0xF0:
                return 5 + u32(lp, p + 1);
            case 0xF1:
                return 3;
            case 0xF2:
                return 4;
            case 0xF3:
                return 5;
            case 0xF4:
                return 9;
            default:
                return -1;
        }
    }

    /** The position of the entry after the one at {@code p}. */
    public static int next(byte[] lp, int p) {
        int enc = (int) encodedLength(lp, p);
        return p + enc + backlenSize(enc);
    }

    /** Whether the entry at {@code p} is integer-encoded. */
    public static boolean isInt(byte[] lp, int p) {
        int b = lp[p] & 0xff;
        return (b & 0x80) == 0 || (b & 0xE0) == 0xC0 || (b >= 0xF1 && b <= 0xF4);
    }

    /** The integer at {@code p} (integer-encoded; a string entry is parsed). */
    public static long getInt(byte[] lp, int p) {
        int b = lp[p] & 0xff;
        if ((b & 0x80) == 0) {
            return b;
        } else if ((b & 0xE0) == 0xC0) {
            int u = ((b & 0x1f) << 8) | (lp[p + 1] & 0xff);
            return u >= 1 << 12 ? u - (1 << 13) : u;
        }
        switch (b) {
            case 0xF1:
                return (short) ((lp[p + 1] & 0xff) | (lp[p + 2] & 0xff) << 8);
            case 0xF2: {
                int v = (lp[p + 1] & 0xff) | (lp[p + 2] & 0xff) << 8 | (lp[p + 3] & 0xff) << 16;
                return (v << 8) >> 8;
            }
            case 0xF3:
                return (int) u32(lp, p + 1);
            case 0xF4: {
                long v = 0;
                for (int i = 7; i >= 0; i--) {
                    v = (v << 8) | (lp[p + 1 + i] & 0xff);
                }
                return v;
            }
            default:
                return Numbers.parseLong(getBytes(lp, p));
        }
    }

    /** The entry at {@code p} as bytes (an integer as its decimal form). */
    public static byte[] getBytes(byte[] lp, int p) {
        if (isInt(lp, p)) {
            return Numbers.toBytes(getInt(lp, p));
        }
        int off = stringOffset(lp, p);
        int enc = (int) encodedLength(lp, p);
        byte[] v = new byte[enc - (off - p)];
        System.arraycopy(lp, off, v, 0, v.length);
        return v;
    }

    /** Whether the entry at {@code p} equals {@code s} (as lpGet's bytes would). */
    public static boolean equalsBytes(byte[] lp, int p, byte[] s) {
        if (isInt(lp, p)) {
            return java.util.Arrays.equals(Numbers.toBytes(getInt(lp, p)), s);
        }
        int off = stringOffset(lp, p);
        int len = (int) encodedLength(lp, p) - (off - p);
        return java.util.Arrays.equals(lp, off, off + len, s, 0, s.length);
    }

    private static int stringOffset(byte[] lp, int p) {
        int b = lp[p] & 0xff;
        return (b & 0xC0) == 0x80 ? p + 1 : (b & 0xF0) == 0xE0 ? p + 2 : p + 5;
    }

    public static long u32(byte[] b, int p) {
        return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
    }

    /** Writes the header of a listpack of {@code total} bytes and {@code count} elements. */
    public static void writeHeader(byte[] lp, int total, long count) {
        lp[0] = (byte) total;
        lp[1] = (byte) (total >>> 8);
        lp[2] = (byte) (total >>> 16);
        lp[3] = (byte) (total >>> 24);
        int n = (int) Math.min(count, NUMELE_UNKNOWN);
        lp[4] = (byte) n;
        lp[5] = (byte) (n >>> 8);
    }
}
