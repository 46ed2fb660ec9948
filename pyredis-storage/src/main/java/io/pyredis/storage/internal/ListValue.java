package io.pyredis.storage.internal;

import io.pyredis.api.RedisList;
import io.pyredis.storage.EncodingLimits;

import java.util.Arrays;
import java.util.Objects;

/**
 * A list: the elements in a ring buffer of arrays, so that both ends push and pop in
 * O(1) and any index is one array read away.
 *
 * <p>Two encodings, as Redis 7.2 has them. While small the list is a {@code listpack}:
 * its buffer is kept tight (it grows by a quarter, not by doubling) and the size the
 * elements would take in a real listpack is tracked, to decide when to convert. Once the
 * list outgrows one listpack node by the rule of {@code list-max-listpack-size} (the
 * limit in force at the time of growth) it becomes a {@code quicklist}: the buffer grows
 * by doubling and the byte count is no longer kept. It never converts back, as
 * {@code OBJECT ENCODING} users of Redis 7.0 never see a list shrink its encoding.
 */
final class ListValue implements RedisList {

    /** Redis's SIZE_SAFETY_LIMIT: a node holds at most 8 KB even under a count limit. */
    static final int SIZE_SAFETY_LIMIT = 8192;
    /** Redis's optimization_level: node sizes for list-max-listpack-size -1 .. -5. */
    private static final int[] NODE_BYTES = {4096, 8192, 16384, 32768, 65536};
    /** Redis's FILL_MAX: positive fills are capped to it. */
    private static final int FILL_MAX = (1 << 15) - 1;
    /** A listpack's header (total bytes, count) and end byte. */
    static final int LISTPACK_OVERHEAD = 7;
    private static final byte[][] EMPTY = new byte[0][];

    private final EncodingLimits limits;
    /** The ring: element {@code i} is at {@code buf[(head + i) % buf.length]}. */
    private byte[][] buf = EMPTY;
    private int head;
    private int size;
    private boolean quicklist;
    /** The bytes of the equivalent listpack, while a listpack. */
    private long listpackBytes = LISTPACK_OVERHEAD;

    ListValue(EncodingLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    @Override
    public String encoding() {
        return quicklist ? "quicklist" : "listpack";
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public byte[] get(int index) {
        Objects.checkIndex(index, size);
        return buf[slot(index)];
    }

    @Override
    public void set(int index, byte[] element) {
        Objects.checkIndex(index, size);
        int s = slot(index);
        if (!quicklist) {
            growBy(entryBytes(element) - entryBytes(buf[s]), 0);
        }
        buf[s] = element;
    }

    @Override
    public void push(boolean head, byte[] element) {
        willAdd(element);
        if (head) {
            this.head = this.head == 0 ? buf.length - 1 : this.head - 1;
            buf[this.head] = element;
        } else {
            buf[slot(size)] = element;
        }
        size++;
    }

    @Override
    public byte[] pop(boolean head) {
        if (size == 0) {
            return null;
        }
        int s = head ? this.head : slot(size - 1);
        byte[] e = buf[s];
        buf[s] = null;
        if (head) {
            this.head = this.head + 1 == buf.length ? 0 : this.head + 1;
        }
        size--;
        if (!quicklist) {
            listpackBytes -= entryBytes(e);
        }
        return e;
    }

    @Override
    public void insert(int index, byte[] element) {
        Objects.checkIndex(index, size + 1);
        if (index == 0 || index == size) {
            push(index == 0, element);
            return;
        }
        willAdd(element);
        // Move whichever side is shorter, as a deque does.
        if (index < size - index) {
            head = head == 0 ? buf.length - 1 : head - 1;
            for (int i = 0; i < index; i++) {
                buf[slot(i)] = buf[slot(i + 1)];
            }
        } else {
            for (int i = size; i > index; i--) {
                buf[slot(i)] = buf[slot(i - 1)];
            }
        }
        buf[slot(index)] = element;
        size++;
    }

    @Override
    public int removeEqual(byte[] element, int limit, boolean fromTail) {
        int removed = 0;
        if (!fromTail) {
            int w = 0;
            for (int r = 0; r < size; r++) {
                byte[] e = buf[slot(r)];
                if ((limit == 0 || removed < limit) && Arrays.equals(e, element)) {
                    removed++;
                    continue;
                }
                if (w != r) {
                    buf[slot(w)] = e;
                }
                w++;
            }
            for (int i = w; i < size; i++) {
                buf[slot(i)] = null;
            }
        } else {
            int w = size - 1;
            for (int r = size - 1; r >= 0; r--) {
                byte[] e = buf[slot(r)];
                if ((limit == 0 || removed < limit) && Arrays.equals(e, element)) {
                    removed++;
                    continue;
                }
                if (w != r) {
                    buf[slot(w)] = e;
                }
                w--;
            }
            for (int i = 0; i <= w; i++) {
                buf[slot(i)] = null;
            }
            head = slot(w + 1);
        }
        size -= removed;
        if (!quicklist) {
            listpackBytes -= (long) removed * entryBytes(element);
        }
        return removed;
    }

    @Override
    public void trim(int start, int end) {
        if (start > end || start >= size || end < 0) {
            clear();
            return;
        }
        start = Math.max(0, start);
        end = Math.min(size - 1, end);
        for (int i = 0; i < start; i++) {
            dropBytes(buf[slot(i)]);
            buf[slot(i)] = null;
        }
        for (int i = end + 1; i < size; i++) {
            dropBytes(buf[slot(i)]);
            buf[slot(i)] = null;
        }
        head = slot(start);
        size = end - start + 1;
    }

    /** A deep-enough copy: a new ring holding the same (immutable) element arrays. */
    public ListValue copy() {
        ListValue c = new ListValue(limits);
        c.buf = new byte[Math.max(size, 1)][];
        for (int i = 0; i < size; i++) {
            c.buf[i] = buf[slot(i)];
        }
        c.size = size;
        c.quicklist = quicklist;
        c.listpackBytes = listpackBytes;
        return c;
    }

    private void clear() {
        Arrays.fill(buf, null);
        head = 0;
        size = 0;
        listpackBytes = LISTPACK_OVERHEAD;
    }

    private void dropBytes(byte[] e) {
        if (!quicklist) {
            listpackBytes -= entryBytes(e);
        }
    }

    private int slot(int index) {
        int s = head + index;
        return s >= buf.length ? s - buf.length : s;
    }

    /** Makes room for one more element, converting to a quicklist first if it would overflow the node. */
    private void willAdd(byte[] element) {
        if (!quicklist) {
            growBy(entryBytes(element), 1);
        }
        if (size == buf.length) {
            int cap = buf.length;
            int newCap = quicklist ? Math.max(8, cap * 2) : Math.max(4, cap + (cap >> 2) + 1);
            if (newCap < 0 || newCap > Integer.MAX_VALUE - 8) {
                if (cap == Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("list too long");
                }
                newCap = Integer.MAX_VALUE - 8;
            }
            byte[][] n = new byte[newCap][];
            int first = Math.min(size, cap - head);
            System.arraycopy(buf, head, n, 0, first);
            System.arraycopy(buf, 0, n, first, size - first);
            buf = n;
            head = 0;
        }
    }

    /** Accounts for a listpack growing by {@code bytes} and {@code entries}; converts when past the node limit. */
    private void growBy(long bytes, int entries) {
        long newBytes = listpackBytes + bytes;
        if (exceedsNode(limits.listMaxListpackSize, newBytes, (long) size + entries)) {
            quicklist = true;
        } else {
            listpackBytes = newBytes;
        }
    }

    /** Redis's quicklistNodeExceedsLimit: whether one listpack node may not hold this many bytes and entries. */
    static boolean exceedsNode(int fill, long bytes, long count) {
        if (fill >= 0) {
            long countLimit = fill == 0 ? 1 : Math.min(fill, FILL_MAX);
            return bytes > SIZE_SAFETY_LIMIT || count > countLimit;
        }
        int level = Math.min(-fill - 1, NODE_BYTES.length - 1);
        return bytes > NODE_BYTES[level];
    }

    /**
     * The bytes {@code e} takes in a listpack (lpEncodeGetType + backlen): canonical
     * integers in 1 to 9 bytes, strings with a 1, 2 or 5 byte header; plus the back-length.
     */
    static int entryBytes(byte[] e) {
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
