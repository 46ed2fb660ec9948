package io.pyredis.storage.internal;

import io.pyredis.api.RedisList;
import io.pyredis.storage.EncodingLimits;

import java.util.Arrays;
import java.util.Objects;

/**
 * A list: the elements in a ring buffer of arrays, so that both ends push and pop in
 * O(1) and any index is one array read away.
 *
 * <p>Its encoding is {@code quicklist} whatever its size, as every list is in Redis 7.0
 * (the small-list {@code listpack} encoding is 7.2's). The quicklist's node layout, which
 * the RDB writer and DEBUG OBJECT need, is derived from the elements by
 * {@code list-max-listpack-size} ({@link Quicklist}).
 */
final class ListValue implements RedisList {

    private static final byte[][] EMPTY = new byte[0][];

    private final EncodingLimits limits;
    /** The ring: element {@code i} is at {@code buf[(head + i) % buf.length]}. */
    private byte[][] buf = EMPTY;
    private int head;
    private int size;

    ListValue(EncodingLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    @Override
    public String encoding() {
        return "quicklist";
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
        buf[slot(index)] = element;
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
            buf[slot(i)] = null;
        }
        for (int i = end + 1; i < size; i++) {
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
        return c;
    }

    private void clear() {
        Arrays.fill(buf, null);
        head = 0;
        size = 0;
    }

    private int slot(int index) {
        int s = head + index;
        return s >= buf.length ? s - buf.length : s;
    }

    /** Makes room for one more element. */
    private void willAdd(byte[] element) {
        if (size == buf.length) {
            int cap = buf.length;
            // Small lists are many and short: grow them by a quarter; long ones by doubling.
            int newCap = cap < 64 ? Math.max(4, cap + (cap >> 2) + 1) : cap * 2;
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
}
