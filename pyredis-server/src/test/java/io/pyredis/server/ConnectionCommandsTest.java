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

/** PING, ECHO, SELECT, HELLO, RESET, QUIT and the dispatcher's errors, without a password. */
class ConnectionCommandsTest {

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
    void pingAndEchoWithJedis() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            assertEquals("PONG", j.ping());
            assertEquals("hi there", j.ping("hi there"));
            assertEquals("héllo", j.echo("héllo"));
        }
    }

    @Test
    void pingReplies() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send("PING\r\n" + command("PING", "x") + command("ping", "a", "b") + command("HELLO", "3") + "PING x\r\n");
            String expected = "+PONG\r\n$1\r\nx\r\n-ERR wrong number of arguments for 'ping' command\r\n";
            assertEquals(expected, c.readLike(expected));
            String hello = c.readUntil("*0\r\n");
            assertTrue(hello.startsWith("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n"), hello);
            assertEquals("$1\r\nx\r\n", c.read(7), "PING with an argument is a bulk in RESP3 too");
        }
    }

    @Test
    void echoArity() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("ECHO") + command("echo", "a", "b") + command("ECHO", ""));
            String expected = "-ERR wrong number of arguments for 'echo' command\r\n"
                    + "-ERR wrong number of arguments for 'echo' command\r\n$0\r\n\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void selectChecksIndex() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("SELECT", "15") + command("SELECT", "16") + command("SELECT", "-1")
                    + command("SELECT", "1x") + command("SELECT", "99999999999") + command("SELECT", "0"));
            String expected = "+OK\r\n-ERR DB index is out of range\r\n-ERR DB index is out of range\r\n"
                    + "-ERR value is not an integer or out of range\r\n"
                    + "-ERR value is out of range, value must between -2147483648 and 2147483647\r\n+OK\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void unknownCommandIsReportedWithItsArguments() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("foo", "a", "b") + command("FOO") + "bar x y\r\n");
            String expected = "-ERR unknown command 'foo', with args beginning with: 'a' 'b' \r\n"
                    + "-ERR unknown command 'FOO', with args beginning with: \r\n"
                    + "-ERR unknown command 'bar', with args beginning with: 'x' 'y' \r\n";
            assertEquals(expected, c.readLike(expected));
            c.send("PING\r\n");
            assertEquals("+PONG\r\n", c.read(7), "the connection stays usable");
        }
    }

    @Test
    void commandNamesAreCaseInsensitive() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("pInG") + command("EcHo", "z"));
            assertEquals("+PONG\r\n$1\r\nz\r\n", c.read(14));
        }
    }

    @Test
    void helloSwitchesProtocolAndRepliesAsRedis() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("HELLO", "3"));
            String r3 = c.readUntil("*0\r\n");
            long id = idOf(r3);
            assertEquals(helloReply(3, "%7").replace(":ID\r\n", ":" + id + "\r\n"), r3);
            c.send(command("HELLO", "2"));
            String r2 = c.readUntil("*0\r\n");
            assertEquals(helloReply(2, "*14").replace(":ID\r\n", ":" + id + "\r\n"), r2);
            c.send(command("HELLO", "4") + command("HELLO", "x") + command("HELLO", "3", "foo")
                    + command("HELLO", "3", "AUTH", "a") + command("HELLO", "3", "AUTH", "bob", "pw"));
            String expected = "-NOPROTO unsupported protocol version\r\n"
                    + "-ERR Protocol version is not an integer or out of range\r\n"
                    + "-ERR Syntax error in HELLO option 'foo'\r\n"
                    + "-ERR Syntax error in HELLO option 'AUTH'\r\n"
                    + "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void helloSetnameValidatesTheName() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("HELLO", "2", "SETNAME", "a b"));
            String expected = "-ERR Client names cannot contain spaces, newlines or special characters.\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void resetGoesBackToDefaults() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("HELLO", "3", "SETNAME", "me"));
            c.readUntil("*0\r\n");
            c.send(command("SELECT", "3") + command("RESET") + command("HELLO"));
            assertEquals("+OK\r\n+RESET\r\n", c.read(13));
            String hello = c.read(6);
            assertEquals("*14\r\n$", hello, "RESET goes back to RESP2");
        }
    }

    @Test
    void quitRepliesOkThenCloses() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("QUIT") + command("PING"));
            assertEquals("+OK\r\n", c.read(5));
            assertTrue(c.atEof(), "nothing after QUIT's +OK, then EOF");
        }
    }

    @Test
    void authWithoutPasswordConfigured() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("AUTH", "x") + command("AUTH", "default", "anything") + command("AUTH", "bob", "x")
                    + command("AUTH", "a", "b", "c") + command("AUTH"));
            String expected = "-ERR AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?\r\n"
                    + "+OK\r\n"
                    + "-WRONGPASS invalid username-password pair or user is disabled.\r\n"
                    + "-ERR syntax error\r\n"
                    + "-ERR wrong number of arguments for 'auth' command\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void jedisSelectAndErrors() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            assertEquals("OK", j.select(5));
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.select(99));
            assertEquals("ERR DB index is out of range", e.getMessage());
        }
    }

    /** HELLO's reply with the client id as ":ID". */
    static String helloReply(int proto, String header) {
        return header + "\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:" + proto
                + "\r\n$2\r\nid\r\n:ID\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n"
                + "$7\r\nmodules\r\n*0\r\n";
    }

    static long idOf(String hello) {
        int i = hello.indexOf("$2\r\nid\r\n:") + 9;
        return Long.parseLong(hello.substring(i, hello.indexOf("\r\n", i)));
    }
}
