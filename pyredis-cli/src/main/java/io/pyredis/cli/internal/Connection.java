package io.pyredis.cli.internal;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One blocking connection to the server, as hiredis' redisContext is for redis-cli. */
public final class Connection implements Closeable {

    /** Connecting failed; the message is hiredis' errstr. */
    public static final class ConnectFailed extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectFailed(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final RespReader reader;

    private Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        this.reader = new RespReader(socket.getInputStream());
    }

    public static Connection open(String host, int port) throws ConnectFailed {
        Socket s = new Socket();
        try {
            if (port < 0 || port > 65535) throw new ConnectException("Connection refused");
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port));
            return new Connection(s);
        } catch (UnknownHostException e) {
            closeQuietly(s);
            throw new ConnectFailed("Name or service not known");
        } catch (IOException | IllegalArgumentException e) {
            closeQuietly(s);
            throw new ConnectFailed(errstr(e));
        }
    }

    /** hiredis' wording for an I/O failure (strerror texts). */
    public static String errstr(Exception e) {
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        if (m.startsWith("Connection refused")) return "Connection refused";
        if (m.contains("Connection reset")) return "Connection reset by peer";
        if (m.contains("Broken pipe")) return "Broken pipe";
        return m;
    }

    public void send(List<byte[]> args) throws IOException {
        write(args);
        out.flush();
    }

    /** Appends a command without flushing (pipelining). */
    public void write(List<byte[]> args) throws IOException {
        out.write(('*' + Integer.toString(args.size()) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            out.write(('$' + Integer.toString(a.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(a);
            out.write('\r');
            out.write('\n');
        }
    }

    public void writeRaw(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    public void flush() throws IOException {
        out.flush();
    }

    public Reply read() throws IOException {
        return reader.read();
    }

    public Reply call(List<byte[]> args) throws IOException {
        send(args);
        return read();
    }

    public void setIdleHandler(RespReader.IdleHandler h) {
        reader.setIdleHandler(h);
    }

    public Socket socket() {
        return socket;
    }

    public void shutdownOutput() throws IOException {
        out.flush();
        socket.shutdownOutput();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to do with a socket that will not close
        }
    }
}
