package io.pyredis.storage.internal.rdb;

import io.pyredis.support.Numbers;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis's listpack byte format (listpack.c): a 6-byte header (total bytes and element
 * count, little endian), the entries, and an end byte 0xFF. Each entry is an encoding
 * byte with its data (small integers and short strings inline) followed by its
 * "back-length" so the list can be walked from the end. The encoder picks encodings as
 * lpEncodeGetType does (canonical integers as integers); the decoder checks everything
 * against the blob's bounds, as lpValidateIntegrity does in deep mode.
 */
public final class Listpack {

    static final int HEADER_SIZE = 6;
    static final int EOF = 0xFF;
    /** A count this large in the header means "count them" (LP_HDR_NUMELE_UNKNOWN). */
    static final int NUMELE_UNKNOWN = 65535;

    private Listpack() {
    }

    /** Builds a listpack incrementally. */
    public static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        private int count;
        private final byte[] tmp = new byte[16];

        public Builder() {
            out.write(new byte[HEADER_SIZE], 0, HEADER_SIZE);
        }

        /** Appends a string entry, integer-encoded when it is a canonical 64-bit integer. */
        public Builder add(byte[] e) {
            if (e.length <= 20 && e.length > 0 && Numbers.isCanonicalLong(e)) {
                return addInt(Numbers.parseLong(e));
            }
            int n = e.length;
            int hdr;
            if (n < 64) {
                out.write(0x80 | n);
                hdr = 1;
            } else if (n < 4096) {
                out.write(0xE0 | (n >>> 8));
                out.write(n & 0xff);
                hdr = 2;
            } else {
                out.write(0xF0);
                out.write(n & 0xff);
                out.write((n >>> 8) & 0xff);
                out.write((n >>> 16) & 0xff);
                out.write((n >>> 24) & 0xff);
                hdr = 5;
            }
            out.write(e, 0, n);
            backlen(hdr + n);
            count++;
            return this;
        }

        /** Appends an integer entry in the smallest encoding. */
        public Builder addInt(long v) {
            int len;
            if (v >= 0 && v <= 127) {
                tmp[0] = (byte) v;
                len = 1;
            } else if (v >= -4096 && v <= 4095) {
                long u = v < 0 ? (1 << 13) + v : v;
                tmp[0] = (byte) ((u >>> 8) | 0xC0);
                tmp[1] = (byte) u;
                len = 2;
            } else if (v >= -32768 && v <= 32767) {
                tmp[0] = (byte) 0xF1;
                le(v, 2);
                len = 3;
            } else if (v >= -8388608 && v <= 8388607) {
                tmp[0] = (byte) 0xF2;
                le(v, 3);
                len = 4;
            } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                tmp[0] = (byte) 0xF3;
                le(v, 4);
                len = 5;
            } else {
                tmp[0] = (byte) 0xF4;
                le(v, 8);
                len = 9;
            }
            out.write(tmp, 0, len);
            backlen(len);
            count++;
            return this;
        }

        private void le(long v, int n) {
            for (int i = 0; i < n; i++) {
                tmp[1 + i] = (byte) (v >>> (8 * i));
            }
        }

        /** lpEncodeBacklen: the entry size in 7-bit groups, most significant first. */
        private void backlen(int l) {
            if (l <= 127) {
                out.write(l);
            } else if (l < 16383) {
                out.write(l >>> 7);
                out.write((l & 127) | 128);
            } else if (l < 2097151) {
                out.write(l >>> 14);
                out.write(((l >>> 7) & 127) | 128);
                out.write((l & 127) | 128);
            } else if (l < 268435455) {
                out.write(l >>> 21);
                out.write(((l >>> 14) & 127) | 128);
                out.write(((l >>> 7) & 127) | 128);
                out.write((l & 127) | 128);
            } else {
                out.write(l >>> 28);
                out.write(((l >>> 21) & 127) | 128);
                out.write(((l >>> 14) & 127) | 128);
                out.write(((l >>> 7) & 127) | 128);
                out.write((l & 127) | 128);
            }
        }

        /** The number of entries added. */
        public int count() {
            return count;
        }

        /** The bytes so far plus the end byte, with the header filled in. */
        public byte[] build() {
            out.write(EOF);
            byte[] b = out.toByteArray();
            int total = b.length;
            b[0] = (byte) total;
            b[1] = (byte) (total >>> 8);
            b[2] = (byte) (total >>> 16);
            b[3] = (byte) (total >>> 24);
            int n = Math.min(count, NUMELE_UNKNOWN);
            b[4] = (byte) n;
            b[5] = (byte) (n >>> 8);
            return b;
        }
    }

    /** The entries of {@code lp}, integers as their decimal bytes; validates the whole blob. */
    public static List<byte[]> decode(byte[] lp, long base) throws RdbException {
        if (lp.length < HEADER_SIZE + 1) {
            throw new RdbException("listpack too short (" + lp.length + " bytes)", base);
        }
        long total = u32(lp, 0);
        if (total != lp.length) {
            throw new RdbException("listpack header says " + total + " bytes, blob has " + lp.length, base);
        }
        if ((lp[lp.length - 1] & 0xff) != EOF) {
            throw new RdbException("listpack does not end with 0xFF", base + lp.length - 1);
        }
        int declared = (lp[4] & 0xff) | (lp[5] & 0xff) << 8;
        List<byte[]> out = new ArrayList<>(Math.min(declared, lp.length));
        int p = HEADER_SIZE;
        int end = lp.length - 1;
        while (p < end) {
            int start = p;
            int b = lp[p] & 0xff;
            byte[] value;
            int encLen;
            if ((b & 0x80) == 0) {
                value = Numbers.toBytes(b);
                encLen = 1;
            } else if ((b & 0xC0) == 0x80) {
                int n = b & 0x3f;
                encLen = 1 + n;
                value = slice(lp, p + 1, n, end, base);
            } else if ((b & 0xE0) == 0xC0) {
                need(lp, p, 2, end, base);
                int u = ((b & 0x1f) << 8) | (lp[p + 1] & 0xff);
                value = Numbers.toBytes(u >= 1 << 12 ? u - (1 << 13) : u);
                encLen = 2;
            } else if ((b & 0xF0) == 0xE0) {
                need(lp, p, 2, end, base);
                int n = ((b & 0x0f) << 8) | (lp[p + 1] & 0xff);
                encLen = 2 + n;
                value = slice(lp, p + 2, n, end, base);
            } else {
                switch (b) {
                    case 0xF0: {
                        need(lp, p, 5, end, base);
                        long n = u32(lp, p + 1);
                        if (n > end - p - 5) {
                            throw new RdbException("listpack string length " + n + " past the end", base + p);
                        }
                        encLen = 5 + (int) n;
                        value = slice(lp, p + 5, (int) n, end, base);
                        break;
                    }
                    case 0xF1:
                        need(lp, p, 3, end, base);
                        value = Numbers.toBytes((short) ((lp[p + 1] & 0xff) | (lp[p + 2] & 0xff) << 8));
                        encLen = 3;
                        break;
                    case 0xF2: {
                        need(lp, p, 4, end, base);
                        int v = (lp[p + 1] & 0xff) | (lp[p + 2] & 0xff) << 8 | (lp[p + 3] & 0xff) << 16;
                        value = Numbers.toBytes((v << 8) >> 8);
                        encLen = 4;
                        break;
                    }
                    case 0xF3:
                        need(lp, p, 5, end, base);
                        value = Numbers.toBytes((int) u32(lp, p + 1));
                        encLen = 5;
                        break;
                    case 0xF4: {
                        need(lp, p, 9, end, base);
                        long v = 0;
                        for (int i = 7; i >= 0; i--) {
                            v = (v << 8) | (lp[p + 1 + i] & 0xff);
                        }
                        value = Numbers.toBytes(v);
                        encLen = 9;
                        break;
                    }
                    default:
                        throw new RdbException("bad listpack entry encoding 0x" + Integer.toHexString(b), base + p);
                }
            }
            p += encLen;
            int bl = backlenSize(encLen);
            if (p + bl > end) {
                throw new RdbException("listpack entry runs past the end", base + start);
            }
            if (readBacklen(lp, p + bl - 1) != encLen) {
                throw new RdbException("listpack entry back-length does not match", base + p);
            }
            p += bl;
            out.add(value);
        }
        if (declared != NUMELE_UNKNOWN && declared != out.size()) {
            throw new RdbException("listpack header says " + declared + " entries, found " + out.size(), base);
        }
        return out;
    }

    private static int backlenSize(int l) {
        return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
    }

    /** lpDecodeBacklen: reads backwards from {@code p}. */
    private static long readBacklen(byte[] lp, int p) {
        long v = 0;
        int shift = 0;
        do {
            v |= (long) (lp[p] & 127) << shift;
            if ((lp[p] & 128) == 0) {
                break;
            }
            shift += 7;
            p--;
        } while (shift <= 28);
        return v;
    }

    private static void need(byte[] lp, int p, int n, int end, long base) throws RdbException {
        if (p + n > end) {
            throw new RdbException("listpack entry runs past the end", base + p);
        }
    }

    private static byte[] slice(byte[] lp, int from, int n, int end, long base) throws RdbException {
        if (from + n > end || n < 0) {
            throw new RdbException("listpack entry runs past the end", base + from);
        }
        byte[] v = new byte[n];
        System.arraycopy(lp, from, v, 0, n);
        return v;
    }

    static long u32(byte[] b, int p) {
        return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
    }
}
