package io.pyredis.storage.internal.rdb;

import io.pyredis.support.Numbers;

import io.pyredis.storage.internal.Lp;
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

    /** Builds a listpack incrementally (the entry codec is {@link Lp}'s). */
    public static final class Builder {
        private byte[] buf = new byte[64];
        private int size = HEADER_SIZE;
        private int count;

        private void room(int n) {
            if (size + n + 1 > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + n + 1));
            }
        }

        /** Appends a string entry, integer-encoded when it is a canonical 64-bit integer. */
        public Builder add(byte[] e) {
            room(Lp.stringSize(e));
            size = Lp.writeString(e, buf, size);
            count++;
            return this;
        }

        /** Appends an integer entry in the smallest encoding. */
        public Builder addInt(long v) {
            room(Lp.intSize(v));
            size = Lp.writeInt(v, buf, size);
            count++;
            return this;
        }

        /** The number of entries added. */
        public int count() {
            return count;
        }

        /** The bytes so far plus the end byte, with the header filled in. */
        public byte[] build() {
            byte[] b = java.util.Arrays.copyOf(buf, size + 1);
            b[size] = (byte) EOF;
            Lp.writeHeader(b, b.length, count);
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
            int bl = Lp.backlenSize(encLen);
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
