package io.pyredis.junit;

import io.pyredis.server.PyRedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The server of a {@link PyRedisTest}, as a test sees it: where it listens, its clock and
 * its faults. Ask for it as a parameter.
 *
 * @since 0.1
 */
public final class PyRedisServerHandle {

    private static final String HOST = "127.0.0.1";

    private final PyRedisServer server;
    private final VirtualClock clock;

    PyRedisServerHandle(PyRedisServer server, VirtualClock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** The address listened on: {@code 127.0.0.1}. */
    public String host() {
        return HOST;
    }

    /** The port listened on (a free one, picked at start). */
    public int port() {
        return server.port();
    }

    /** {@code redis://127.0.0.1:port}, as clients such as Lettuce and Jedis take it. */
    public URI uri() {
        return URI.create("redis://" + HOST + ":" + port());
    }

    /**
     * The server's virtual clock.
     *
     * @throws IllegalStateException when the test runs with {@code virtualClock = false}
     */
    public VirtualClock clock() {
        if (clock == null) {
            throw new IllegalStateException("this test runs on the system clock: @PyRedisTest(virtualClock = false)");
        }
        return clock;
    }

    /** Fault injection: failing disk writes, slow fsyncs, cut connections. */
    public PyRedisServer.Faults faults() {
        return server.faults();
    }

    /** The embedded server itself (its config, its blocked clients, ...). */
    public PyRedisServer server() {
        return server;
    }

    /**
     * Empties every database with FLUSHALL, sent over a connection of its own.
     *
     * @throws IllegalStateException with the server's error when it refuses (a MISCONF
     *                               after an injected disk fault, for instance)
     */
    public void flushAll() {
        String reply = call("FLUSHALL");
        if (!reply.equals("+OK")) {
            throw new IllegalStateException("FLUSHALL: " + reply);
        }
    }

    /** Sends one inline command and reads the first line of its reply. */
    private String call(String inline) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port()), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the pyredis test server on port " + port(), e);
        }
    }
}
