package io.pyredis.server;

import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CLIENT PAUSE / UNPAUSE, CLIENT REPLY, and what CLIENT LIST shows of them, over a real socket. */
class ClientPauseReplyTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void unpause() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.clientUnpause();
        }
    }

    private static long blockedClients(Jedis j) {
        Matcher m = Pattern.compile("blocked_clients:(\\d+)").matcher(j.info("clients"));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static void waitBlocked(Jedis j, long n) throws InterruptedException {
        for (int i = 0; i < 200 && blockedClients(j) != n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, blockedClients(j));
    }

    @Test
    void writePauseHoldsWritesNotReads() throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", server.port()); RawClient w = new RawClient(server.port());
             RawClient r = new RawClient(server.port())) {
            admin.set("p", "old");
            assertEquals("OK", admin.clientPause(100000, redis.clients.jedis.args.ClientPauseMode.WRITE));
            assertEquals("$3\r\nold\r\n", r.call("GET", "p"));
            w.send(command("SET", "p", "new") + command("GET", "p"));
            waitBlocked(admin, 1);
            assertEquals("old", admin.get("p"));
            assertTrue(admin.clientList().contains("flags=b "), "a held client shows as blocked");
            // Held, not refused: an arity error is still answered at once.
            assertEquals("-ERR wrong number of arguments for 'set' command\r\n", r.call("SET", "p"));
            assertEquals("OK", admin.clientUnpause());
            assertEquals("+OK\r\n$3\r\nnew\r\n", w.readLike("+OK\r\n$3\r\nnew\r\n"));
            assertEquals(0, blockedClients(admin));
        }
    }

    @Test
    void allPauseHoldsEverythingAndEndsAtItsDeadline() throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", server.port()); RawClient r = new RawClient(server.port())) {
            admin.set("q", "v");
            long start = System.nanoTime();
            admin.clientPause(300);
            assertEquals("$1\r\nv\r\n", r.call("GET", "q"));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMs >= 250, "GET waited for the pause to end: " + waitedMs + " ms");
        }
    }

    @Test
    void pauseKeepsExpiredKeysUntilUnpaused() throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", server.port())) {
            long before = expiredKeys(admin);
            admin.psetex("e", 10, "v");
            admin.clientPause(100000, redis.clients.jedis.args.ClientPauseMode.WRITE);
            Thread.sleep(150);
            assertEquals(null, admin.get("e"), "logically expired");
            assertEquals(before, expiredKeys(admin), "but not deleted while paused");
            admin.clientUnpause();
            admin.get("e");
            assertEquals(before + 1, expiredKeys(admin));
        }
    }

    private static long expiredKeys(Jedis j) {
        Matcher m = Pattern.compile("expired_keys:(\\d+)").matcher(j.info("stats"));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    @Test
    void pauseErrors() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            assertEquals("-ERR timeout is not an integer or out of range\r\n", c.call("CLIENT", "PAUSE", "x"));
            assertEquals("-ERR timeout is negative\r\n", c.call("CLIENT", "PAUSE", "-1"));
            assertEquals("-ERR CLIENT PAUSE mode must be WRITE or ALL\r\n", c.call("CLIENT", "PAUSE", "10", "read"));
            assertEquals("-ERR wrong number of arguments for 'client|unpause' command\r\n",
                    c.call("CLIENT", "UNPAUSE", "x"));
        }
    }

    @Test
    void replyOffSkipOn() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("CLIENT", "REPLY", "OFF") + command("SET", "r", "1") + command("GET", "r")
                    + command("CLIENT", "REPLY", "ON") + command("GET", "r")
                    + command("CLIENT", "REPLY", "SKIP") + command("GET", "r") + command("PING")
                    + command("CLIENT", "REPLY", "maybe"));
            String expected = "+OK\r\n$1\r\n1\r\n+PONG\r\n-ERR syntax error\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void replyOffStillDeliversPubSub() throws Exception {
        try (RawClient sub = new RawClient(server.port()); Jedis pub = new Jedis("127.0.0.1", server.port())) {
            sub.send(command("CLIENT", "REPLY", "OFF") + command("SUBSCRIBE", "ch"));
            String confirm = "*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n";
            assertEquals(confirm, sub.readLike(confirm));
            pub.publish("ch", "hi");
            String message = "*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n";
            assertEquals(message, sub.readLike(message));
        }
    }

    @Test
    void clientListShowsQueryBufferTypesAndFlags() throws Exception {
        try (RawClient c = new RawClient(server.port()); RawClient sub = new RawClient(server.port())) {
            // *2\r\n$6\r\nCLIENT\r\n$4\r\nINFO\r\n is 26 bytes.
            assertTrue(c.call("CLIENT", "INFO").contains(" qbuf=26 "));
            assertEquals("+OK\r\n", c.call("CLIENT", "NO-EVICT", "on"));
            assertTrue(c.call("CLIENT", "INFO").contains(" flags=e "));
            sub.call("SUBSCRIBE", "x");
            String pubsub = c.call("CLIENT", "LIST", "TYPE", "pubsub");
            assertEquals(1, pubsub.split("id=").length - 1, pubsub);
            assertTrue(pubsub.contains(" flags=P "), pubsub);
            assertTrue(!c.call("CLIENT", "LIST", "TYPE", "normal").contains("flags=P"));
            assertEquals("-ERR Invalid client ID\r\n", c.call("CLIENT", "LIST", "ID", "x"));
            // As Redis: an id that no client has, even 0, is no error.
            assertEquals("$0\r\n\r\n", c.call("CLIENT", "LIST", "ID", "0"));
        }
    }
}
