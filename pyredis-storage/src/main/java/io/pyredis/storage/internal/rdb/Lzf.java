package io.pyredis.storage.internal.rdb;

/**
 * LZF (liblzf 3.6, as vendored by Redis): the compressor produces the same format
 * Redis's lzf_compress does (not necessarily the same bytes), the decompressor accepts
 * any valid stream and refuses anything that would read or write out of bounds.
 */
public final class Lzf {

    private static final int HLOG = 16;
    private static final int HSIZE = 1 << HLOG;
    private static final int MAX_LIT = 1 << 5;
    private static final int MAX_OFF = 1 << 13;
    private static final int MAX_REF = (1 << 8) + (1 << 3);

    private Lzf() {
    }

    /**
     * Compresses {@code in} into {@code out} (at most {@code out.length} bytes); returns
     * the compressed length, or 0 when it does not fit, as lzf_compress.
     */
    public static int compress(byte[] in, int inLen, byte[] out) {
        return compress(in, inLen, out, new Table());
    }

    /**
     * The compressor's hash table, reused across calls: zeroing (or allocating) 256 KB for
     * every string made an RDB of small strings crawl. An entry holds {@code base + pos + 1}
     * and counts only when above {@code base}, which each call moves past everything the
     * previous one wrote, so every call sees an empty table, as with a fresh one.
     */
    public static final class Table {
        private final int[] htab = new int[HSIZE];
        private int base;

        /** Makes the table empty for an input of {@code len} bytes; returns the base to use. */
        int begin(int len) {
            if (base > Integer.MAX_VALUE - len - 2) {
                java.util.Arrays.fill(htab, 0);
                base = 0;
            }
            return base;
        }

        void end(int len) {
            base += len + 1;
        }
    }

    /** {@link #compress(byte[], int, byte[])} with a reused {@code table}. */
    public static int compress(byte[] in, int inLen, byte[] out, Table table) {
        int base = table.begin(inLen);
        try {
            return compress(in, inLen, out, table.htab, base);
        } finally {
            table.end(inLen);
        }
    }

    private static int compress(byte[] in, int inLen, byte[] out, int[] htab, int base) {
        int ip = 0;
        int op = 0;
        int outEnd = out.length;
        int inEnd = inLen;
        int lit = 0;
        if (inLen == 0) {
            return 0;
        }
        if (op + 1 > outEnd) {
            return 0;
        }
        op++; // start run
        while (ip < inEnd - 2) {
            int hval = ((in[ip] & 0xff) << 16) | ((in[ip + 1] & 0xff) << 8) | (in[ip + 2] & 0xff);
            int hslot = ((hval >>> (3 * 8 - HLOG)) - hval * 5) & (HSIZE - 1);
            int stored = htab[hslot];
            int ref = stored > base ? stored - base - 1 : -1;
            htab[hslot] = base + ip + 1;
            int off;
            if (ref >= 0 && (off = ip - ref - 1) < MAX_OFF
                    && ref + 2 < inEnd && in[ref] == in[ip] && in[ref + 1] == in[ip + 1] && in[ref + 2] == in[ip + 2]) {
                int len = 2;
                int maxlen = inEnd - ip - len;
                if (maxlen > MAX_REF) {
                    maxlen = MAX_REF;
                }
                if (op + 3 + 1 >= outEnd) {
                    if (op - (lit == 0 ? 1 : 0) + 3 + 1 >= outEnd) {
                        return 0;
                    }
                }
                out[op - lit - 1] = (byte) (lit - 1); // stop run
                if (lit == 0) {
                    op--; // undo run if length is zero
                }
                do {
                    len++;
                } while (len < maxlen && in[ref + len] == in[ip + len]);
                len -= 2; // len is now #octets - 1
                ip++;
                if (len < 7) {
                    out[op++] = (byte) ((off >>> 8) + (len << 5));
                } else {
                    out[op++] = (byte) ((off >>> 8) + (7 << 5));
                    out[op++] = (byte) (len - 7);
                }
                out[op++] = (byte) off;
                lit = 0;
                op++; // start run
                ip += len + 1;
                if (ip >= inEnd - 2) {
                    break;
                }
                --ip;
                --ip;
                hval = ((in[ip] & 0xff) << 16) | ((in[ip + 1] & 0xff) << 8) | (in[ip + 2] & 0xff);
                htab[((hval >>> (3 * 8 - HLOG)) - hval * 5) & (HSIZE - 1)] = base + ip + 1;
                ip++;
                hval = ((in[ip] & 0xff) << 16) | ((in[ip + 1] & 0xff) << 8) | (in[ip + 2] & 0xff);
                htab[((hval >>> (3 * 8 - HLOG)) - hval * 5) & (HSIZE - 1)] = base + ip + 1;
                ip++;
            } else {
                if (op >= outEnd) {
                    return 0;
                }
                lit++;
                out[op++] = in[ip++];
                if (lit == MAX_LIT) {
                    out[op - lit - 1] = (byte) (lit - 1);
                    lit = 0;
                    op++;
                }
            }
        }
        if (op + 3 > outEnd) {
            return 0;
        }
        while (ip < inEnd) {
            lit++;
            out[op++] = in[ip++];
            if (lit == MAX_LIT) {
                out[op - lit - 1] = (byte) (lit - 1);
                lit = 0;
                if (op >= outEnd) {
                    return 0;
                }
                op++;
            }
        }
        out[op - lit - 1] = (byte) (lit - 1);
        if (lit == 0) {
            op--;
        }
        return op;
    }

    /**
     * Decompresses {@code in[off, off+len)} into exactly {@code out.length} bytes.
     *
     * @return false when the stream is malformed or does not fill {@code out} exactly
     */
    public static boolean decompress(byte[] in, int off, int len, byte[] out) {
        int ip = off;
        int inEnd = off + len;
        int op = 0;
        int outEnd = out.length;
        while (ip < inEnd) {
            int ctrl = in[ip++] & 0xff;
            if (ctrl < (1 << 5)) {
                ctrl++;
                if (op + ctrl > outEnd || ip + ctrl > inEnd) {
                    return false;
                }
                System.arraycopy(in, ip, out, op, ctrl);
                op += ctrl;
                ip += ctrl;
            } else {
                int l = ctrl >>> 5;
                if (l == 7) {
                    if (ip >= inEnd) {
                        return false;
                    }
                    l += in[ip++] & 0xff;
                }
                if (ip >= inEnd) {
                    return false;
                }
                int ref = op - ((ctrl & 0x1f) << 8) - 1 - (in[ip++] & 0xff);
                l += 2;
                if (op + l > outEnd || ref < 0) {
                    return false;
                }
                for (int i = 0; i < l; i++) {
                    out[op++] = out[ref++];
                }
            }
        }
        return op == outEnd;
    }
}
