package io.pyredis.server;

import io.pyredis.testkit.RawClient;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reply and read paths under both transports (native epoll where it loads, and NIO):
 * replies bigger than the socket buffers (written partly straight to the socket, the rest
 * queued) arrive whole and in order, and connections sharing the loop's read buffer do not
 * see each other's bytes.
 */
class TransportModesTest {

    private static PyRedisServer start(boolean epoll) {
        String old = System.getProperty("pyredis.epoll");
        System.setProperty("pyredis.epoll", Boolean.toString(epoll));
        try {
            return PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
        } finally {
            if (old == null) {
                System.clearProperty("pyredis.epoll");
            } else {
                System.setProperty("pyredis.epoll", old);
            }
        }
    }

    @ParameterizedTest(name = "epoll={0}")
    @ValueSource(booleans = {true, false})
    void bigRepliesThenSmallOnesArriveWholeAndInOrder(boolean epoll) throws Exception {
        try (PyRedisServer server = start(epoll); RawClient c = new RawClient(server.port())) {
            String big = "x".repeat(3 << 20);
            c.send(command("SET", "big", big));
            assertEquals("+OK\r\n", c.readLike("+OK\r\n"));
            // Sent one by one before anything is read: the first reply fills the socket and
            // the rest of it is queued; replies to the later requests (read separately, most
            // likely) must queue behind it, not go to the socket ahead of it.
            String bulk = "$" + big.length() + "\r\n" + big + "\r\n";
            c.send(command("GET", "big"));
            c.send(command("GET", "big"));
            c.send("PING\r\n");
            c.send(command("ECHO", "end"));
            String expected = bulk + bulk + "+PONG\r\n$3\r\nend\r\n";
            assertEquals(expected, c.readLike(expected));
            // The connection is still in order afterwards.
            c.send("PING\r\n");
            assertEquals("+PONG\r\n", c.readLike("+PONG\r\n"));
        }
    }

    @ParameterizedTest(name = "epoll={0}")
    @ValueSource(booleans = {true, false})
    void halfRequestsOfSeveralClientsStayTheirOwn(boolean epoll) throws Exception {
        try (PyRedisServer server = start(epoll);
             RawClient a = new RawClient(server.port());
             RawClient b = new RawClient(server.port());
             RawClient c = new RawClient(server.port())) {
            String reqA = command("ECHO", "from-a");
            String reqB = command("ECHO", "from-b");
            a.send(reqA.substring(0, 9));
            b.send(reqB.substring(0, 13));
            // Whole requests of another client read in between, through the same buffer.
            c.send(command("ECHO", "from-c") + "PING\r\n");
            assertEquals("$6\r\nfrom-c\r\n+PONG\r\n", c.readLike("$6\r\nfrom-c\r\n+PONG\r\n"));
            a.send(reqA.substring(9));
            b.send(reqB.substring(13));
            assertEquals("$6\r\nfrom-a\r\n", a.readLike("$6\r\nfrom-a\r\n"));
            assertEquals("$6\r\nfrom-b\r\n", b.readLike("$6\r\nfrom-b\r\n"));
        }
    }

    @ParameterizedTest(name = "epoll={0}")
    @ValueSource(booleans = {true, false})
    void protocolErrorAfterTheRepliesDue(boolean epoll) throws Exception {
        try (PyRedisServer server = start(epoll); RawClient c = new RawClient(server.port())) {
            c.send("PING\r\n" + command("ECHO", "a") + "*x\r\n");
            String expected = "+PONG\r\n$1\r\na\r\n-ERR Protocol error: invalid multibulk length\r\n";
            assertEquals(expected, c.readLike(expected));
            assertTrue(c.atEof());
        }
    }
}
