package io.pyredis.server;

import io.pyredis.testkit.RawClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** requirepass: NOAUTH before AUTH, AUTH and HELLO AUTH, RESET logs out. */
class AuthTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("requirepass", "secret").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void commandsNeedAuthButErrorsAboutNamesAndArityComeFirst() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("PING") + command("foo") + command("ECHO") + command("ECHO", "x"));
            String expected = "-NOAUTH Authentication required.\r\n"
                    + "-ERR unknown command 'foo', with args beginning with: \r\n"
                    + "-ERR wrong number of arguments for 'echo' command\r\n"
                    + "-NOAUTH Authentication required.\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void authOneAndTwoArgumentForms() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("AUTH", "wrong") + command("AUTH", "bob", "secret") + command("PING")
                    + command("AUTH", "secret") + command("PING"));
            String expected = "-WRONGPASS invalid username-password pair or user is disabled.\r\n"
                    + "-WRONGPASS invalid username-password pair or user is disabled.\r\n"
                    + "-NOAUTH Authentication required.\r\n+OK\r\n+PONG\r\n";
            assertEquals(expected, c.readLike(expected));
        }
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("AUTH", "default", "secret") + command("PING"));
            assertEquals("+OK\r\n+PONG\r\n", c.read(12));
        }
    }

    @Test
    void helloNeedsAuthOrAuthenticates() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("HELLO", "3"));
            String expected = "-NOAUTH HELLO must be called with the client already authenticated, otherwise the "
                    + "HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP "
                    + "protocol version at the same time\r\n";
            assertEquals(expected, c.readLike(expected));
            c.send(command("HELLO", "3", "AUTH", "default", "wrong"));
            expected = "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
            assertEquals(expected, c.readLike(expected));
            c.send(command("HELLO", "3", "AUTH", "default", "secret"));
            assertTrue(c.readUntil("*0\r\n").startsWith("%7\r\n"));
            c.send(command("PING"));
            assertEquals("+PONG\r\n", c.read(7));
        }
    }

    @Test
    void resetLogsOut() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("AUTH", "secret") + command("RESET") + command("PING"));
            String expected = "+OK\r\n+RESET\r\n-NOAUTH Authentication required.\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void unauthenticatedClientsGetSmallParserLimits() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send("*11\r\n");
            String expected = "-ERR Protocol error: unauthenticated multibulk length\r\n";
            assertEquals(expected, c.readLike(expected));
            assertTrue(c.atEof());
        }
    }

    @Test
    void jedisAuth() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            JedisDataException e = assertThrows(JedisDataException.class, j::ping);
            assertEquals("NOAUTH Authentication required.", e.getMessage());
            assertEquals("OK", j.auth("secret"));
            assertEquals("PONG", j.ping());
        }
    }
}
