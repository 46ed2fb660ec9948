package io.pyredis.storage.internal.rdb;

import io.pyredis.support.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * Decoder of Redis's ziplist byte format (ziplist.c), which RDB files before version 10
 * use for small lists, hashes and sorted sets: header (bytes, tail offset, count), entries
 * each with the previous entry's length and an encoding, end byte 0xFF.
 */
public final class Ziplist {

    private static final int HEADER_SIZE = 10;

    private Ziplist() {
    }

    /** The entries of {@code zl}, integers as decimal bytes; validates against the blob's bounds. */
    public static List<byte[]> decode(byte[] zl, long base) throws RdbException {
        if (zl.length < HEADER_SIZE + 1) {
            throw new RdbException("ziplist too short (" + zl.length + " bytes)", base);
        }
        if (Listpack.u32(zl, 0) != zl.length) {
            throw new RdbException("ziplist header length does not match the blob", base);
        }
        int end = zl.length - 1;
        if ((zl[end] & 0xff) != 0xFF) {
            throw new RdbException("ziplist does not end with 0xFF", base + end);
        }
        long tail = Listpack.u32(zl, 4);
        if (tail > end) {
            throw new RdbException("ziplist tail offset past the end", base + 4);
        }
        int declared = (zl[8] & 0xff) | (zl[9] & 0xff) << 8;
        List<byte[]> out = new ArrayList<>(Math.min(declared, zl.length));
        int p = HEADER_SIZE;
        int prevLen = 0;
        int lastStart = -1;
        while (p < end) {
            int start = p;
            int pl = zl[p] & 0xff;
            if (pl == 0xFE) {
                check(p, 5, end, base);
                long v = Listpack.u32(zl, p + 1);
                if (v != prevLen) {
                    throw new RdbException("ziplist prevlen does not match", base + p);
                }
                p += 5;
            } else if (pl == 0xFF) {
                throw new RdbException("bad ziplist prevlen", base + p);
            } else {
                if (pl != prevLen) {
                    throw new RdbException("ziplist prevlen does not match", base + p);
                }
                p += 1;
            }
            check(p, 1, end, base);
            int b = zl[p] & 0xff;
            byte[] value;
            switch (b >>> 6) {
                case 0: {
                    int n = b & 0x3f;
                    p += 1;
                    value = slice(zl, p, n, end, base);
                    p += n;
                    break;
                }
                case 1: {
                    check(p, 2, end, base);
                    int n = ((b & 0x3f) << 8) | (zl[p + 1] & 0xff);
                    p += 2;
                    value = slice(zl, p, n, end, base);
                    p += n;
                    break;
                }
                case 2: {
                    if (b != 0x80) {
                        throw new RdbException("bad ziplist encoding", base + p);
                    }
                    check(p, 5, end, base);
                    long n = (zl[p + 1] & 0xffL) << 24 | (zl[p + 2] & 0xffL) << 16 | (zl[p + 3] & 0xffL) << 8
                            | (zl[p + 4] & 0xffL);
                    p += 5;
                    if (n > end - p) {
                        throw new RdbException("ziplist string past the end", base + p);
                    }
                    value = slice(zl, p, (int) n, end, base);
                    p += (int) n;
                    break;
                }
                default: {
                    int n;
                    long v;
                    if (b == 0xC0) {
                        n = 2;
                    } else if (b == 0xD0) {
                        n = 4;
                    } else if (b == 0xE0) {
                        n = 8;
                    } else if (b == 0xF0) {
                        n = 3;
                    } else if (b == 0xFE) {
                        n = 1;
                    } else if (b >= 0xF1 && b <= 0xFD) {
                        n = 0;
                    } else {
                        throw new RdbException("bad ziplist encoding 0x" + Integer.toHexString(b), base + p);
                    }
                    check(p, 1 + n, end, base);
                    if (n == 0) {
                        v = (b & 0x0f) - 1;
                    } else {
                        v = 0;
                        for (int k = n - 1; k >= 0; k--) {
                            v = (v << 8) | (zl[p + 1 + k] & 0xff);
                        }
                        int shift = 64 - 8 * n;
                        v = (v << shift) >> shift;
                    }
                    p += 1 + n;
                    value = Numbers.toBytes(v);
                    break;
                }
            }
            prevLen = p - start;
            lastStart = start;
            out.add(value);
        }
        if (declared != 0xFFFF && declared != out.size()) {
            throw new RdbException("ziplist header says " + declared + " entries, found " + out.size(), base);
        }
        if (lastStart >= 0 ? tail != lastStart : tail != HEADER_SIZE) {
            throw new RdbException("ziplist tail offset does not match", base + 4);
        }
        return out;
    }

    private static void check(int p, int n, int end, long base) throws RdbException {
        if (p + n > end) {
            throw new RdbException("ziplist entry runs past the end", base + p);
        }
    }

    private static byte[] slice(byte[] b, int from, int n, int end, long base) throws RdbException {
        check(from, n, end, base);
        byte[] v = new byte[n];
        System.arraycopy(b, from, v, 0, n);
        return v;
    }
}
