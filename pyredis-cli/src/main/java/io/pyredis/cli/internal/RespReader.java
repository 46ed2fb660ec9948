package io.pyredis.cli.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocking RESP2/RESP3 reply reader for the CLI. Malformed input raises
 * {@link ProtocolError} with hiredis' texts, which redis-cli prints as {@code Error: <text>}.
 */
public final class RespReader {

    /** Server bytes hiredis cannot make sense of. */
    public static final class ProtocolError extends IOException {
        private static final long serialVersionUID = 1L;

        public ProtocolError(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;

    public RespReader(InputStream in) {
        this.in = in;
    }

    /** True when bytes are already buffered (a reply may be read without blocking on the socket). */
    public boolean hasBuffered() {
        return pos < limit;
    }

    public Reply read() throws IOException {
        int type = readByte();
        switch (type) {
            case '+': return new Reply.Status(readLine());
            case '-': return new Reply.Err(readLine());
            case ':': return new Reply.Int(parseLong(readLine()));
            case '$': {
                long len = parseLong(readLine());
                if (len < 0) return new Reply.Nil();
                return new Reply.Bulk(readBulk(len));
            }
            case '*': return aggregate(Reply.Kind.ARRAY, readLine(), 1, true);
            case '~': return aggregate(Reply.Kind.SET, readLine(), 1, false);
            case '%': return aggregate(Reply.Kind.MAP, readLine(), 2, false);
            case '>': return aggregate(Reply.Kind.PUSH, readLine(), 1, false);
            case '_': readLine(); return new Reply.Nil();
            case ',': return new Reply.Dbl(ascii(readLine()));
            case '#': {
                byte[] l = readLine();
                if (l.length != 1 || (l[0] != 't' && l[0] != 'f')) throw new ProtocolError("Bad bool value");
                return new Reply.Bool(l[0] == 't');
            }
            case '(': return new Reply.BigNum(ascii(readLine()));
            case '!': return new Reply.Err(readBulk(parseLong(readLine())));
            case '=': {
                byte[] all = readBulk(parseLong(readLine()));
                if (all.length < 4 || all[3] != ':') throw new ProtocolError("Verbatim string 4 bytes of content type are missing or incorrectly encoded.");
                byte[] data = new byte[all.length - 4];
                System.arraycopy(all, 4, data, 0, data.length);
                return new Reply.Verbatim(new String(all, 0, 3, StandardCharsets.US_ASCII), data);
            }
            default: {
                String shown = type >= 0x20 && type < 0x7f ? String.valueOf((char) type) : String.format("\\x%02x", type);
                throw new ProtocolError("Protocol error, got \"" + shown + "\" as reply type byte");
            }
        }
    }

    private Reply aggregate(Reply.Kind kind, byte[] line, int perEntry, boolean nullable) throws IOException {
        long n = parseLong(line);
        if (n < 0) {
            if (nullable) return new Reply.Nil();
            throw new ProtocolError("Bad multi-bulk length");
        }
        long count = n * perEntry;
        List<Reply> items = new ArrayList<>((int) Math.min(count, 1024));
        for (long i = 0; i < count; i++) items.add(read());
        return new Reply.Agg(kind, List.copyOf(items));
    }

    private byte[] readBulk(long len) throws IOException {
        if (len < 0 || len > Integer.MAX_VALUE - 8) throw new ProtocolError("Bad bulk string length");
        byte[] data = new byte[(int) len];
        int off = 0;
        while (off < data.length) {
            if (pos == limit) fill();
            int n = Math.min(limit - pos, data.length - off);
            System.arraycopy(buf, pos, data, off, n);
            pos += n;
            off += n;
        }
        if (readByte() != '\r' || readByte() != '\n') throw new ProtocolError("Bad bulk string terminator");
        return data;
    }

    private byte[] readLine() throws IOException {
        java.io.ByteArrayOutputStream line = null;
        while (true) {
            if (pos == limit) fill();
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n' && (i > pos ? buf[i - 1] == '\r' : line != null && endsWithCr(line))) {
                    byte[] out;
                    if (line == null) {
                        out = new byte[i - 1 - pos];
                        System.arraycopy(buf, pos, out, 0, out.length);
                    } else {
                        line.write(buf, pos, i - pos);
                        byte[] all = line.toByteArray();
                        out = new byte[all.length - 1];
                        System.arraycopy(all, 0, out, 0, out.length);
                    }
                    pos = i + 1;
                    return out;
                }
            }
            if (line == null) line = new java.io.ByteArrayOutputStream();
            line.write(buf, pos, limit - pos);
            pos = limit;
        }
    }

    private static boolean endsWithCr(java.io.ByteArrayOutputStream b) {
        byte[] a = b.toByteArray();
        return a.length > 0 && a[a.length - 1] == '\r';
    }

    private int readByte() throws IOException {
        if (pos == limit) fill();
        return buf[pos++] & 0xff;
    }

    /** Called when a read timed out (a socket timeout is set); may throw to give up. */
    public interface IdleHandler {
        void idle() throws IOException;
    }

    private IdleHandler idleHandler;

    public void setIdleHandler(IdleHandler h) {
        this.idleHandler = h;
    }

    private void fill() throws IOException {
        int n;
        while (true) {
            try {
                n = in.read(buf, 0, buf.length);
                break;
            } catch (java.net.SocketTimeoutException e) {
                if (idleHandler == null) throw e;
                idleHandler.idle();
            }
        }
        if (n < 0) throw new EOFException("Server closed the connection");
        pos = 0;
        limit = n;
    }

    private static long parseLong(byte[] line) throws ProtocolError {
        try {
            return Long.parseLong(ascii(line));
        } catch (NumberFormatException e) {
            throw new ProtocolError("Bad integer value");
        }
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
