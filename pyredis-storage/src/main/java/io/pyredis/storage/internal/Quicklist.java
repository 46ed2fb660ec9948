package io.pyredis.storage.internal;

import io.pyredis.api.RedisList;

import java.util.ArrayList;
import java.util.List;

/**
 * The node layout Redis 7.0's quicklist (quicklist.c) gives a list pushed element by
 * element at the tail: which elements share a listpack node, which take a plain node of
 * their own, and how many bytes each node's listpack has. pyredis keeps lists in one ring
 * buffer; the layout is derived when something needs it: the RDB writer (one RDB string
 * per node) and DEBUG OBJECT's {@code ql_*} fields.
 */
public final class Quicklist {

    /** Redis's SIZE_SAFETY_LIMIT: a node holds at most 8 KB under a count limit. */
    static final int SIZE_SAFETY_LIMIT = 8192;
    /** Redis's SIZE_ESTIMATE_OVERHEAD: the per-entry overhead guessed before inserting. */
    private static final int SIZE_ESTIMATE_OVERHEAD = 8;
    /** Redis's optimization_level: node sizes for list-max-listpack-size -1 .. -5. */
    private static final int[] OPTIMIZATION_LEVEL = {4096, 8192, 16384, 32768, 65536};
    /** Redis's FILL_MAX. */
    private static final int FILL_MAX = (1 << 15) - 1;
    /** A listpack's header (total bytes, count) and end byte. */
    static final int LISTPACK_OVERHEAD = 7;
    /** quicklist.c's default packed_threshold: elements this long or longer get a plain node. */
    public static final long DEFAULT_PACKED_THRESHOLD = 1L << 30;

    private Quicklist() {
    }

    /** One node: elements {@code [first, first + count)}; {@code bytes} is its listpack's size, or the element's for a plain node. */
    public record Node(int first, int count, long bytes, boolean plain) {
    }

    /** quicklistSetFill: the fill a quicklist uses for {@code list-max-listpack-size}. */
    public static int fill(int listMaxListpackSize) {
        return Math.max(-5, Math.min(FILL_MAX, listMaxListpackSize));
    }

    /** The nodes of {@code l} under {@code list-max-listpack-size} and the packed threshold. */
    public static List<Node> nodes(RedisList l, int listMaxListpackSize, long packedThreshold) {
        int fill = fill(listMaxListpackSize);
        List<Node> out = new ArrayList<>();
        int first = -1;
        int count = 0;
        long bytes = 0;
        for (int i = 0, n = l.size(); i < n; i++) {
            byte[] e = l.get(i);
            int sz = e.length;
            if (sz >= packedThreshold) {
                if (count > 0) {
                    out.add(new Node(first, count, bytes, false));
                    count = 0;
                }
                out.add(new Node(i, 1, sz, true));
                continue;
            }
            if (count > 0 && allowInsert(bytes, count, fill, sz)) {
                bytes += entryBytes(e);
                count++;
            } else {
                if (count > 0) {
                    out.add(new Node(first, count, bytes, false));
                }
                first = i;
                count = 1;
                bytes = LISTPACK_OVERHEAD + entryBytes(e);
            }
        }
        if (count > 0) {
            out.add(new Node(first, count, bytes, false));
        }
        return out;
    }

    /** _quicklistNodeAllowInsert: may a node of {@code nodeBytes} and {@code nodeCount} take an element of {@code sz} bytes. */
    static boolean allowInsert(long nodeBytes, int nodeCount, int fill, long sz) {
        long newSz = nodeBytes + sz + SIZE_ESTIMATE_OVERHEAD;
        if (fill < 0 && -fill - 1 < OPTIMIZATION_LEVEL.length && newSz <= OPTIMIZATION_LEVEL[-fill - 1]) {
            return true;
        }
        if (newSz > SIZE_SAFETY_LIMIT) {
            return false;
        }
        return nodeCount < fill;
    }

    /**
     * The bytes {@code e} takes in a listpack (lpEncodeGetType + backlen): canonical
     * integers in 1 to 9 bytes, strings with a 1, 2 or 5 byte header; plus the back-length.
     */
    public static int entryBytes(byte[] e) {
        int n = e.length;
        int enc;
        if (n <= 20 && n > 0 && isSmallCanonicalInteger(e)) {
            long v = parseLong(e);
            if (v >= 0 && v <= 127) {
                enc = 1;
            } else if (v >= -4096 && v <= 4095) {
                enc = 2;
            } else if (v >= -32768 && v <= 32767) {
                enc = 3;
            } else if (v >= -8388608 && v <= 8388607) {
                enc = 4;
            } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                enc = 5;
            } else {
                enc = 9;
            }
        } else if (n < 64) {
            enc = 1 + n;
        } else if (n < 4096) {
            enc = 2 + n;
        } else {
            enc = 5 + n;
        }
        int back = enc < 128 ? 1 : enc < 16384 ? 2 : enc < 2097152 ? 3 : enc < 268435456 ? 4 : 5;
        return enc + back;
    }

    private static boolean isSmallCanonicalInteger(byte[] e) {
        int i = e[0] == '-' ? 1 : 0;
        int n = e.length;
        if (i == n || n - i > 18) {
            return false;
        }
        if (e[i] == '0') {
            return n == 1;
        }
        for (; i < n; i++) {
            if (e[i] < '0' || e[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** At most 18 digits: fits a long. */
    private static long parseLong(byte[] e) {
        boolean neg = e[0] == '-';
        long v = 0;
        for (int i = neg ? 1 : 0; i < e.length; i++) {
            v = v * 10 + (e[i] - '0');
        }
        return neg ? -v : v;
    }
}
