package io.pyredis.server.internal.persistence.aof;

import java.util.Arrays;

/** A growable byte array that commands are encoded into as RESP multibulks, without allocating per command. */
public final class RespBuf {

    private byte[] a;
    private int n;

    public RespBuf(int capacity) {
        a = new byte[capacity];
    }

    public byte[] array() {
        return a;
    }

    public int size() {
        return n;
    }

    public void reset() {
        n = 0;
        if (a.length > 4 * 1024 * 1024) {
            a = new byte[16 * 1024]; // a huge command's buffer is not kept
        }
    }

    /** Removes the first {@code k} bytes (written to the file already). */
    public void dropFirst(int k) {
        System.arraycopy(a, k, a, 0, n - k);
        n -= k;
    }

    private void ensure(int more) {
        if (a.length - n < more) {
            a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) n + more, a.length * 2L)));
        }
    }

    public void raw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, a, n, len);
        n += len;
    }

    private static final byte[] SELECT = "SELECT".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** {@code SELECT db}, as the AOF and the replication stream emit it when the database changes. */
    public void select(int db) {
        multibulk(2);
        bulk(SELECT);
        bulkNumber(db);
    }

    /** One command as a multibulk of its arguments. */
    public void command(byte[][] argv) {
        multibulk(argv.length);
        for (byte[] x : argv) {
            bulk(x);
        }
    }

    public void multibulk(int count) {
        header('*', count);
    }

    public void bulk(byte[] b) {
        header('$', b.length);
        ensure(b.length + 2);
        System.arraycopy(b, 0, a, n, b.length);
        n += b.length;
        a[n++] = '\r';
        a[n++] = '\n';
    }

    /** A bulk string of {@code v}'s decimal digits. */
    public void bulkNumber(long v) {
        header('$', digits(v));
        ensure(24);
        number(v);
        a[n++] = '\r';
        a[n++] = '\n';
    }

    private void header(char type, long v) {
        ensure(24);
        a[n++] = (byte) type;
        number(v);
        a[n++] = '\r';
        a[n++] = '\n';
    }

    private void number(long v) {
        if (v < 0) {
            a[n++] = '-';
            v = -v;
        }
        int d = digits(v);
        for (int i = n + d - 1; i >= n; i--) {
            a[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        n += d;
    }

    private static int digits(long v) {
        if (v < 0) {
            return 1 + digits(-v);
        }
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }
}
