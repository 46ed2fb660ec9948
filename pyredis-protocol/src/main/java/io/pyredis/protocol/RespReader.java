package io.pyredis.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses replies (RESP2 and RESP3) for clients: the CLI and tests.
 *
 * <p>Two ways to use it. Incremental: {@link #feed} bytes as they come and call {@link #next()}
 * until it returns null (needs more bytes). Blocking: construct it on an {@link InputStream}
 * and call {@link #read()}. RESP3 attributes ({@code |n}) come back as
 * {@link RespValue.Attribute} wrapping the value that follows them; streamed RESP3 types
 * ({@code $?}, {@code *?}), which Redis never sends, are refused.
 *
 * <p>Declared lengths are not trusted with memory: aggregates start at most 1024 slots long
 * and a bulk is allocated only once all its bytes have arrived. Not thread-safe.
 *
 * @since 0.1
 */
public final class RespReader {

    private static final int MAX_INITIAL_ELEMENTS = 1024;

    private final InputStream in;
    private byte[] buf = new byte[8192];
    private int pos;
    private int lim;
    /** Bytes needed from {@code pos} before parsing can progress (0 if unknown). */
    private int need;

    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private List<Map.Entry<RespValue, RespValue>> topAttributes;

    /** An aggregate being read: its type byte, how many values it still expects, those read. */
    private static final class Frame {
        final byte type;
        final long expected;
        final List<RespValue> items;
        List<Map.Entry<RespValue, RespValue>> attributes;

        Frame(byte type, long expected) {
            this.type = type;
            this.expected = expected;
            this.items = new ArrayList<>((int) Math.min(expected, MAX_INITIAL_ELEMENTS));
        }
    }

    /** An incremental reader: {@link #feed} it and call {@link #next()}. */
    public RespReader() {
        this.in = null;
    }

    /** A blocking reader of {@code in}: call {@link #read()}. */
    public RespReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /** Appends {@code b[off, off+len)} to the input; they are copied. */
    public void feed(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        makeRoom(len);
        System.arraycopy(b, off, buf, lim, len);
        lim += len;
    }

    /** Appends {@code b} to the input. */
    public void feed(byte[] b) {
        feed(b, 0, b.length);
    }

    /**
     * Reads from the stream until one whole reply has arrived and returns it.
     *
     * @throws EOFException      if the stream ends first
     * @throws ProtocolException if the bytes are not RESP
     */
    public RespValue read() throws IOException, ProtocolException {
        if (in == null) {
            throw new IllegalStateException("not a stream reader");
        }
        while (true) {
            RespValue v = next();
            if (v != null) {
                return v;
            }
            makeRoom(Math.max(4096, need - (lim - pos)));
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                throw new EOFException("connection closed" + (lim > pos || !stack.isEmpty() ? " mid-reply" : ""));
            }
            lim += n;
        }
    }

    /** The next whole reply from the bytes fed so far, or null if more are needed. */
    public RespValue next() throws ProtocolException {
        while (true) {
            if (need > lim - pos || pos >= lim) {
                return null;
            }
            need = 0;
            int cr = findCrlf();
            if (cr < 0) {
                need = lim - pos + 1;
                return null;
            }
            byte type = buf[pos];
            int start = pos + 1;
            RespValue value;
            switch (type) {
                case '+' -> value = new RespValue.SimpleString(text(start, cr));
                case '-' -> value = new RespValue.Error(text(start, cr));
                case ':' -> value = new RespValue.Integer(number(start, cr));
                case '_' -> {
                    if (cr != start) {
                        throw new ProtocolException("Protocol error: bad null");
                    }
                    value = RespValue.Null.RESP3;
                }
                case '#' -> {
                    if (cr != start + 1 || (buf[start] != 't' && buf[start] != 'f')) {
                        throw new ProtocolException("Protocol error: bad boolean");
                    }
                    value = new RespValue.Boolean(buf[start] == 't');
                }
                case ',' -> value = new RespValue.Double(parseDouble(text(start, cr)));
                case '(' -> {
                    try {
                        value = new RespValue.BigNumber(new BigInteger(text(start, cr)));
                    } catch (NumberFormatException e) {
                        throw new ProtocolException("Protocol error: bad big number");
                    }
                }
                case '$', '!', '=' -> {
                    long len = number(start, cr);
                    if (len == -1 && type == '$') {
                        value = RespValue.Null.BULK;
                        break;
                    }
                    if (len < 0 || len > Integer.MAX_VALUE - 16) {
                        throw new ProtocolException("Protocol error: invalid bulk length");
                    }
                    long total = (long) cr + 2 - pos + len + 2;
                    if (total > lim - pos) {
                        need = (int) Math.min(total, Integer.MAX_VALUE - 8);
                        return null;
                    }
                    int from = cr + 2;
                    int to = from + (int) len;
                    if (type == '$') {
                        value = new RespValue.BulkString(Arrays.copyOfRange(buf, from, to));
                    } else if (type == '!') {
                        value = new RespValue.Error(text(from, to));
                    } else {
                        if (len < 4 || buf[from + 3] != ':') {
                            throw new ProtocolException("Protocol error: bad verbatim string");
                        }
                        value = new RespValue.Verbatim(text(from, from + 3), Arrays.copyOfRange(buf, from + 4, to));
                    }
                    pos = to + 2;
                    value = deliver(value);
                    if (value != null) {
                        return value;
                    }
                    continue;
                }
                case '*', '~', '>', '%', '|' -> {
                    long n = number(start, cr);
                    pos = cr + 2;
                    if (n == -1 && type == '*') {
                        value = deliver(RespValue.Null.ARRAY);
                    } else if (n < 0) {
                        throw new ProtocolException("Protocol error: invalid multibulk length");
                    } else if (n == 0) {
                        value = type == '|' ? attributesDone(List.of()) : deliver(aggregate(type, List.of()));
                    } else {
                        stack.push(new Frame(type, type == '%' || type == '|' ? 2 * n : n));
                        continue;
                    }
                    if (value != null) {
                        return value;
                    }
                    continue;
                }
                default -> throw new ProtocolException(
                        "Protocol error, got \"" + (char) (type & 0xFF) + "\" as reply type byte");
            }
            pos = cr + 2;
            value = deliver(value);
            if (value != null) {
                return value;
            }
        }
    }

    /**
     * Hands a completed value to the aggregate being read, completing aggregates upwards;
     * returns the top-level value once it is complete, else null.
     */
    private RespValue deliver(RespValue value) {
        RespValue v = value;
        while (true) {
            Frame parent = stack.peek();
            List<Map.Entry<RespValue, RespValue>> attrs = parent == null ? topAttributes : parent.attributes;
            if (attrs != null) {
                v = new RespValue.Attribute(attrs, v);
                if (parent == null) {
                    topAttributes = null;
                } else {
                    parent.attributes = null;
                }
            }
            if (parent == null) {
                return v;
            }
            parent.items.add(v);
            if (parent.items.size() < parent.expected) {
                return null;
            }
            stack.pop();
            if (parent.type == '|') {
                return attributesDone(pairs(parent.items));
            }
            v = aggregate(parent.type, parent.items);
        }
    }

    private RespValue attributesDone(List<Map.Entry<RespValue, RespValue>> attrs) {
        Frame parent = stack.peek();
        if (parent == null) {
            topAttributes = attrs;
        } else {
            parent.attributes = attrs;
        }
        return null;
    }

    private static RespValue aggregate(byte type, List<RespValue> items) {
        return switch (type) {
            case '*' -> new RespValue.Array(items);
            case '~' -> new RespValue.Set(items);
            case '>' -> new RespValue.Push(items);
            case '%' -> new RespValue.Map(pairs(items));
            default -> throw new IllegalStateException("type " + (char) type);
        };
    }

    private static List<Map.Entry<RespValue, RespValue>> pairs(List<RespValue> items) {
        List<Map.Entry<RespValue, RespValue>> out = new ArrayList<>(items.size() / 2);
        for (int i = 0; i + 1 < items.size(); i += 2) {
            out.add(Map.entry(items.get(i), items.get(i + 1)));
        }
        return out;
    }

    /** Index of the CR of the first CRLF at or after {@code pos}, or -1. */
    private int findCrlf() {
        for (int i = pos; i + 1 < lim; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private String text(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    private long number(int from, int to) throws ProtocolException {
        if (to == from || to - from > 20) {
            throw new ProtocolException("Protocol error: bad number");
        }
        try {
            return Long.parseLong(new String(buf, from, to - from, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new ProtocolException("Protocol error: bad number");
        }
    }

    private static double parseDouble(String s) throws ProtocolException {
        switch (s) {
            case "inf", "+inf" -> {
                return java.lang.Double.POSITIVE_INFINITY;
            }
            case "-inf" -> {
                return java.lang.Double.NEGATIVE_INFINITY;
            }
            case "nan", "-nan" -> {
                return java.lang.Double.NaN;
            }
            default -> {
                try {
                    return java.lang.Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("Protocol error: bad double");
                }
            }
        }
    }

    /** Makes room for {@code more} bytes after {@code lim}, compacting before growing. */
    private void makeRoom(int more) {
        if (lim + more <= buf.length) {
            return;
        }
        int used = lim - pos;
        if (used + more <= buf.length && pos > 0) {
            System.arraycopy(buf, pos, buf, 0, used);
        } else {
            long want = Math.max(2L * buf.length, (long) used + more);
            byte[] b = new byte[(int) Math.min(want, Integer.MAX_VALUE - 8)];
            System.arraycopy(buf, pos, b, 0, used);
            buf = b;
        }
        lim = used;
        pos = 0;
    }
}
