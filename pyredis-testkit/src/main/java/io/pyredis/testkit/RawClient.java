package io.pyredis.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain socket for byte-exact checks: send bytes, read exactly the bytes expected, see EOF. */
public final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public RawClient send(String s) throws IOException {
        return send(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawClient send(byte[] b) throws IOException {
        out.write(b);
        out.flush();
        return this;
    }

    /** Reads exactly {@code n} bytes (or fewer if the server closes first). */
    public String read(int n) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (buf.size() < n) {
            int r = in.read(chunk, 0, Math.min(chunk.length, n - buf.size()));
            if (r < 0) {
                break;
            }
            buf.write(chunk, 0, r);
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads up to and including the first occurrence of {@code end}. */
    public String readUntil(String end) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.indexOf(end) < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    /** One bulk string reply ({@code $n\r\n...\r\n}), its contents. */
    public String readBulk() throws IOException {
        String header = readUntil("\r\n");
        if (!header.startsWith("$")) {
            throw new AssertionError("not a bulk reply: " + header);
        }
        int n = Integer.parseInt(header.substring(1, header.length() - 2));
        String body = read(n + 2);
        return body.substring(0, n);
    }

    /** Reads as many bytes as {@code expected} has, for an assertEquals. */
    public String readLike(String expected) throws IOException {
        return read(expected.getBytes(StandardCharsets.ISO_8859_1).length);
    }

    /** Sends a command and reads its whole reply, as the exact bytes (ISO-8859-1). */
    public String call(String... args) throws IOException {
        send(command(args));
        return readReply();
    }

    /** Reads one whole RESP2 or RESP3 reply, nested aggregates included, as the exact bytes. */
    public String readReply() throws IOException {
        StringBuilder sb = new StringBuilder();
        readValue(sb);
        return sb.toString();
    }

    private void readValue(StringBuilder sb) throws IOException {
        String header = readUntil("\r\n");
        if (!header.endsWith("\r\n")) {
            throw new IOException("connection closed inside a reply: " + sb + header);
        }
        sb.append(header);
        char type = header.charAt(0);
        String rest = header.substring(1, header.length() - 2);
        switch (type) {
            case '$', '=', '!' -> {
                int n = Integer.parseInt(rest);
                if (n >= 0) {
                    sb.append(read(n + 2));
                }
            }
            case '*', '~', '>' -> {
                int n = Integer.parseInt(rest);
                for (int i = 0; i < n; i++) {
                    readValue(sb);
                }
            }
            case '%', '|' -> {
                int n = Integer.parseInt(rest);
                for (int i = 0; i < 2 * n; i++) {
                    readValue(sb);
                }
            }
            default -> {
                // a one-line reply: simple string, error, integer, double, null, boolean, big number
            }
        }
    }

    /** Whether the server closed the connection (the next read is EOF). */
    public boolean atEof() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true; // connection reset: closed as well
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A RESP multibulk request. */
    public static String command(String... args) {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            sb.append('$').append(a.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n").append(a).append("\r\n");
        }
        return sb.toString();
    }
}
