package io.pyredis.protocol;

import io.pyredis.support.Numbers;
import io.pyredis.api.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes replies in RESP2 or RESP3 into its own growable byte array, as Redis 7.0 writes
 * them. Where RESP2 lacks a type the form Redis uses is written: a map is an array of 2n, a
 * set or push an array, a double or big number a bulk string, a boolean {@code :1}/{@code :0},
 * null {@code $-1} or {@code *-1}, a verbatim string the bulk of its text only.
 *
 * <p>The bytes written so far are {@code buffer()[0, size())}; {@link #reset()} empties it
 * for reuse. Nothing is allocated per reply except for doubles that are not integers, strings
 * that are not ASCII, and buffer growth. Not thread-safe.
 *
 * @since 0.1
 */
public final class RespWriter implements Reply {

    private static final byte[] OK = bytes("+OK\r\n");
    private static final byte[] NULL_BULK = bytes("$-1\r\n");
    private static final byte[] NULL_ARRAY = bytes("*-1\r\n");
    private static final byte[] NULL3 = bytes("_\r\n");
    private static final byte[] ONE = bytes(":1\r\n");
    private static final byte[] ZERO = bytes(":0\r\n");
    private static final byte[] TRUE = bytes("#t\r\n");
    private static final byte[] FALSE = bytes("#f\r\n");
    private static final byte[] MIN_LONG = bytes(Long.toString(Long.MIN_VALUE));
    /** Room for a type byte, a long's 20 chars and CRLF. */
    private static final int HEADER_MAX = 23;

    private byte[] buf;
    private int size;
    private int protocol;

    /** A writer for protocol 2 or 3, with a 1 KB buffer to start. */
    public RespWriter(int protocol) {
        this(protocol, 1024);
    }

    /** A writer for protocol 2 or 3 whose buffer starts at {@code initialCapacity} bytes. */
    public RespWriter(int protocol, int initialCapacity) {
        setProtocol(protocol);
        this.buf = new byte[Math.max(initialCapacity, 64)];
    }

    /**
     * {@code %.17g} of {@code value} as C's printf prints it (what Redis 7.0's double replies
     * carry, in RESP2 as a bulk string): {@code "0.10000000000000001"}, {@code "1e+20"},
     * {@code "3"}, {@code "-0"}, {@code "inf"}, {@code "-inf"}, {@code "nan"}.
     */
    public static String formatDouble(double value) {
        return Numbers.formatDouble(value);
    }

    @Override
    public int protocol() {
        return protocol;
    }

    /** Switches the encoding (after HELLO); 2 or 3. */
    public void setProtocol(int protocol) {
        if (protocol != 2 && protocol != 3) {
            throw new IllegalArgumentException("protocol must be 2 or 3: " + protocol);
        }
        this.protocol = protocol;
    }

    /** The buffer; the reply bytes are {@code [0, size())}. It is replaced as it grows: fetch it after writing. */
    public byte[] buffer() {
        return buf;
    }

    /** How many bytes have been written since the last {@link #reset()}. */
    public int size() {
        return size;
    }

    /** Empties the buffer (keeping its capacity). */
    public void reset() {
        size = 0;
    }

    /** Appends pre-encoded RESP bytes as they are. */
    public void raw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    /** Appends pre-encoded RESP bytes as they are. */
    public void raw(byte[] b) {
        raw(b, 0, b.length);
    }

    @Override
    public void simple(String text) {
        ensure(text.length() + 3);
        buf[size++] = '+';
        line(text);
    }

    @Override
    public void ok() {
        raw(OK);
    }

    /** {@code -message}; CR and LF in it become spaces, as Redis does, so the reply stays one line. */
    @Override
    public void error(String message) {
        ensure(message.length() + 3);
        buf[size++] = '-';
        line(message.startsWith("-") ? message.substring(1) : message);
    }

    @Override
    public void integer(long value) {
        header(':', value);
    }

    @Override
    public void bulk(byte[] value) {
        if (value == null) {
            nullBulk();
        } else {
            bulk(value, 0, value.length);
        }
    }

    @Override
    public void bulk(byte[] value, int offset, int length) {
        ensure(HEADER_MAX + length + 2);
        header('$', length);
        System.arraycopy(value, offset, buf, size, length);
        size += length;
        buf[size++] = '\r';
        buf[size++] = '\n';
    }

    @Override
    public void bulk(String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            if (value.charAt(i) >= 0x80) {
                bulk(value.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        ensure(HEADER_MAX + n + 2);
        header('$', n);
        byte[] b = buf;
        int s = size;
        for (int i = 0; i < n; i++) {
            b[s++] = (byte) value.charAt(i);
        }
        b[s++] = '\r';
        b[s++] = '\n';
        size = s;
    }

    @Override
    public void bulk(long value) {
        ensure(2 * HEADER_MAX);
        header('$', stringSize(value));
        size = putLong(buf, size, value);
        buf[size++] = '\r';
        buf[size++] = '\n';
    }

    @Override
    public void nullBulk() {
        raw(protocol == 2 ? NULL_BULK : NULL3);
    }

    @Override
    public void nullArray() {
        raw(protocol == 2 ? NULL_ARRAY : NULL3);
    }

    @Override
    public void array(int count) {
        header('*', count);
    }

    @Override
    public void map(int pairs) {
        if (protocol == 2) {
            header('*', 2L * pairs);
        } else {
            header('%', pairs);
        }
    }

    @Override
    public void set(int count) {
        header(protocol == 2 ? '*' : '~', count);
    }

    @Override
    public void push(int count) {
        header(protocol == 2 ? '*' : '>', count);
    }

    @Override
    public void doubleValue(double value) {
        long l = (long) value;
        if (l == value && Math.abs(value) < 1e17 && (l != 0 || Double.doubleToRawLongBits(value) == 0)) {
            // Integral: %.17g prints the digits; skip the formatter.
            if (protocol == 2) {
                bulk(l);
            } else {
                header(',', l);
            }
            return;
        }
        String s = Numbers.formatDouble(value);
        if (protocol == 2) {
            bulk(s);
        } else {
            ensure(s.length() + 3);
            buf[size++] = ',';
            line(s);
        }
    }

    @Override
    public void doubleValue(String text) {
        if (protocol == 2) {
            bulk(text);
        } else {
            ensure(text.length() + 3);
            buf[size++] = ',';
            line(text);
        }
    }

    @Override
    public void bool(boolean value) {
        if (protocol == 2) {
            raw(value ? ONE : ZERO);
        } else {
            raw(value ? TRUE : FALSE);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>As Redis, a format shorter than three characters is padded with spaces, a longer one cut.
     */
    @Override
    public void verbatim(String format, byte[] text) {
        if (protocol == 2) {
            bulk(text);
            return;
        }
        ensure(HEADER_MAX + 4 + text.length + 2);
        header('=', text.length + 4L);
        for (int i = 0; i < 3; i++) {
            buf[size++] = i < format.length() ? (byte) format.charAt(i) : (byte) ' ';
        }
        buf[size++] = ':';
        System.arraycopy(text, 0, buf, size, text.length);
        size += text.length;
        buf[size++] = '\r';
        buf[size++] = '\n';
    }

    @Override
    public void bigNumber(String digits) {
        if (protocol == 2) {
            bulk(digits);
        } else {
            ensure(digits.length() + 3);
            buf[size++] = '(';
            line(digits);
        }
    }

    /** Writes {@code text} then CRLF; CR/LF inside become spaces. Room for the ASCII case must be ensured. */
    private void line(String text) {
        int n = text.length();
        byte[] b = buf;
        int s = size;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                size = s;
                lineUtf8(text.substring(i));
                return;
            }
            b[s++] = c == '\r' || c == '\n' ? (byte) ' ' : (byte) c;
        }
        b[s++] = '\r';
        b[s++] = '\n';
        size = s;
    }

    private void lineUtf8(String rest) {
        byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length + 2);
        for (byte x : bytes) {
            buf[size++] = x == '\r' || x == '\n' ? (byte) ' ' : x;
        }
        buf[size++] = '\r';
        buf[size++] = '\n';
    }

    private void header(char type, long n) {
        ensure(HEADER_MAX);
        byte[] b = buf;
        b[size] = (byte) type;
        int s = putLong(b, size + 1, n);
        b[s++] = '\r';
        b[s++] = '\n';
        size = s;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            long want = Math.max(2L * buf.length, (long) size + more);
            if (want > Integer.MAX_VALUE - 8) {
                if ((long) size + more > Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("reply buffer beyond 2 GB");
                }
                want = Integer.MAX_VALUE - 8;
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }

    /** Writes the decimal digits of {@code v} at {@code pos}; returns the position after them. */
    static int putLong(byte[] b, int pos, long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                System.arraycopy(MIN_LONG, 0, b, pos, MIN_LONG.length);
                return pos + MIN_LONG.length;
            }
            b[pos++] = '-';
            v = -v;
        }
        if (v < 10) {
            b[pos] = (byte) ('0' + v);
            return pos + 1;
        }
        int end = pos + digits(v);
        int i = end;
        while (v >= 10) {
            long q = v / 10;
            b[--i] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        b[--i] = (byte) ('0' + v);
        return end;
    }

    /** Digits of a non-negative long. */
    private static int digits(long v) {
        long p = 10;
        for (int i = 1; i < 19; i++) {
            if (v < p) {
                return i;
            }
            p *= 10;
        }
        return 19;
    }

    /** Length of the decimal form of {@code v}, sign included. */
    static int stringSize(long v) {
        if (v == Long.MIN_VALUE) {
            return 20;
        }
        return v < 0 ? 1 + digits(-v) : digits(v);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
