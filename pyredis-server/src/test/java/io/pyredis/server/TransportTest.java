package io.pyredis.server;

import io.pyredis.testkit.RawClient;

import io.pyredis.storage.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bytes on the wire: pipelining, split requests, protocol errors, client limits. */
class TransportTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tenThousandPipelinedCommandsInOneWrite() throws Exception {
        StringBuilder req = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            if (i % 2 == 0) {
                req.append(command("PING"));
                expected.append("+PONG\r\n");
            } else {
                String v = "v" + i;
                req.append(command("ECHO", v));
                expected.append('$').append(v.length()).append("\r\n").append(v).append("\r\n");
            }
        }
        try (RawClient c = new RawClient(server.port())) {
            c.send(req.toString());
            assertEquals(expected.toString(), c.readLike(expected.toString()));
        }
    }

    @Test
    void requestSplitAcrossManyWrites() throws Exception {
        byte[] req = (command("ECHO", "hello world") + "PING\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try (RawClient c = new RawClient(server.port())) {
            for (byte b : req) {
                c.send(new byte[] {b});
            }
            String expected = "$11\r\nhello world\r\n+PONG\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void protocolErrorAfterTheRepliesDueThenEof() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send("PING\r\n" + command("ECHO", "a") + "*1\r\n$x\r\n" + "PING\r\n");
            String expected = "+PONG\r\n$1\r\na\r\n-ERR Protocol error: invalid bulk length\r\n";
            assertEquals(expected, c.readLike(expected));
            assertTrue(c.atEof());
        }
        try (RawClient c = new RawClient(server.port())) {
            c.send("PING\r\n*1\r\nfoo\r\n");
            String expected = "+PONG\r\n-ERR Protocol error: expected '$', got 'f'\r\n";
            assertEquals(expected, c.readLike(expected));
            assertTrue(c.atEof());
        }
        try (RawClient c = new RawClient(server.port())) {
            c.send("*abc\r\n");
            String expected = "-ERR Protocol error: invalid multibulk length\r\n";
            assertEquals(expected, c.readLike(expected));
            assertTrue(c.atEof());
        }
    }

    @Test
    void maxclientsRefusesTheOneTooMany() throws Exception {
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("maxclients", "2").build().start();
             RawClient a = new RawClient(s.port());
             RawClient b = new RawClient(s.port())) {
            a.send("PING\r\n");
            b.send("PING\r\n");
            assertEquals("+PONG\r\n", a.read(7));
            assertEquals("+PONG\r\n", b.read(7));
            try (RawClient c = new RawClient(s.port())) {
                String expected = "-ERR max number of clients reached\r\n";
                assertEquals(expected, c.readLike(expected));
                assertTrue(c.atEof());
            }
        }
    }

    @Test
    void idleClientsAreClosedAfterTimeout() throws Exception {
        ManualClock clock = new ManualClock(1_000_000);
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("timeout", "5").set("hz", "100").clock(clock).build().start();
             RawClient idle = new RawClient(s.port());
             RawClient busy = new RawClient(s.port())) {
            idle.send("PING\r\n");
            busy.send("PING\r\n");
            assertEquals("+PONG\r\n", idle.read(7));
            assertEquals("+PONG\r\n", busy.read(7));
            clock.advance(4_000);
            busy.send("PING\r\n");
            assertEquals("+PONG\r\n", busy.read(7));
            clock.advance(2_000); // idle: 6 s without a word; busy: 2 s
            assertTrue(idle.atEof(), "the idle client is closed");
            busy.send("PING\r\n");
            assertEquals("+PONG\r\n", busy.read(7), "the other one is not");
        }
    }

    @Test
    void redisDefaultBindListensOnIpv4AndIpv6() throws Exception {
        // "* -::*": all IPv4 and (optionally) all IPv6 addresses on one port, without a clash between the two.
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").build().start()) {
            try (java.net.Socket v4 = new java.net.Socket("127.0.0.1", s.port())) {
                assertTrue(v4.isConnected());
            }
            boolean ipv6 = java.net.NetworkInterface.networkInterfaces()
                    .flatMap(java.net.NetworkInterface::inetAddresses).anyMatch(a -> a instanceof java.net.Inet6Address);
            if (ipv6) {
                try (java.net.Socket v6 = new java.net.Socket("::1", s.port())) {
                    assertTrue(v6.isConnected());
                }
            }
        }
    }

    @Test
    void closeIsIdempotentAndStopsListening() throws Exception {
        PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
        int port = s.port();
        RawClient c = new RawClient(port);
        // A round trip first: the client is then a served connection, not one still in
        // the kernel's accept queue (whose fate at close is the kernel's, not ours).
        c.send("PING\r\n");
        assertEquals("+PONG\r\n", c.read(7));
        s.close();
        s.close();
        assertTrue(c.atEof(), "clients are disconnected");
        c.close();
        assertTrue(s.isClosed());
        boolean refused;
        try (RawClient again = new RawClient(port)) {
            refused = again.atEof();
        } catch (java.net.ConnectException e) {
            refused = true;
        }
        assertTrue(refused);
    }
}
