package io.pyredis.commands.lists;

import io.pyredis.testkit.RawClient;

import io.lettuce.core.LMoveArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.util.KeyValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocking list commands with several real clients (Jedis, Lettuce, raw sockets) against a real server. */
class BlockingIntegrationTest {

    static PyRedisServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        pool.shutdownNow();
        awaitBlocked(0);
    }

    private Jedis jedis() {
        Jedis j = new Jedis("127.0.0.1", server.port());
        open.add(j);
        return j;
    }

    private <T> Future<T> in(Callable<T> call) {
        return pool.submit(call);
    }

    /** Waits (polling the server) until exactly {@code n} clients are blocked. */
    private static void awaitBlocked(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.blockedClients() != n) {
            if (System.nanoTime() > until) {
                throw new AssertionError("expected " + n + " blocked clients, have " + server.blockedClients());
            }
            Thread.sleep(2);
        }
    }

    private static <T> T get(Future<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void blpopIsServedByALaterPushFromAnotherClient() throws Exception {
        Jedis waiter = jedis();
        Jedis pusher = jedis();
        Future<KeyValue<String, String>> r = in(() -> waiter.blpop(0.0, "q1", "q2"));
        awaitBlocked(1);
        assertFalse(r.isDone());
        assertEquals(1, pusher.rpush("q2", "x"));
        KeyValue<String, String> kv = get(r);
        assertEquals("q2", kv.getKey());
        assertEquals("x", kv.getValue());
        assertEquals(0, pusher.llen("q2"), "the waiter emptied the list");
        assertEquals(0, server.blockedClients());
        assertEquals("PONG", waiter.ping(), "the waiter carries on");
    }

    @Test
    void longestWaitingClientIsServedFirst() throws Exception {
        Jedis first = jedis();
        Jedis second = jedis();
        Jedis pusher = jedis();
        Future<KeyValue<String, String>> a = in(() -> first.brpop(0.0, "fifo"));
        awaitBlocked(1);
        Future<KeyValue<String, String>> b = in(() -> second.brpop(0.0, "fifo"));
        awaitBlocked(2);
        pusher.lpush("fifo", "one");
        assertEquals("one", get(a).getValue());
        awaitBlocked(1);
        assertFalse(b.isDone());
        pusher.lpush("fifo", "two");
        assertEquals("two", get(b).getValue());
    }

    @Test
    void onePushOfSeveralElementsServesSeveralWaitersInOrder() throws Exception {
        Jedis first = jedis();
        Jedis second = jedis();
        Future<KeyValue<String, String>> a = in(() -> first.blpop(0.0, "many"));
        awaitBlocked(1);
        Future<KeyValue<String, String>> b = in(() -> second.blpop(0.0, "many"));
        awaitBlocked(2);
        assertEquals(3, jedis().rpush("many", "1", "2", "3"));
        assertEquals("1", get(a).getValue());
        assertEquals("2", get(b).getValue());
        assertEquals(List.of("3"), jedis().lrange("many", 0, -1));
    }

    @Test
    void timeoutsAreHonouredWithANullReply() throws Exception {
        Jedis j = jedis();
        assertNull(j.blpop(0.1, "never"));
        assertNull(j.brpop(0.05, "never"));
        assertNull(j.blmove("never", "dst", ListDirection.LEFT, ListDirection.RIGHT, 0.02));
        assertNull(j.blmpop(0.03, ListDirection.LEFT, "never", "nor"));
        assertNull(j.brpoplpush("never", "dst", 1));
        assertEquals(0, server.blockedClients());
        assertEquals(0, j.llen("dst"));
    }

    @Test
    void timeoutReplyBytesInResp2AndResp3() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("BLMOVE", "never", "d", "LEFT", "LEFT", "0.01"));
            assertEquals("*-1\r\n", c.readLike("*-1\r\n"));
            c.send(command("HELLO", "3"));
            c.readUntil("modules");
            c.readUntil("\r\n*0\r\n");
            c.send(command("BLPOP", "never", "0.01"));
            assertEquals("_\r\n", c.readLike("_\r\n"));
        }
    }

    @Test
    void aWaiterThatDisconnectsIsForgotten() throws Exception {
        RawClient gone = new RawClient(server.port());
        gone.send(command("BLPOP", "dq", "0"));
        awaitBlocked(1);
        Jedis stays = jedis();
        Future<KeyValue<String, String>> r = in(() -> stays.blpop(0.0, "dq"));
        awaitBlocked(2);
        gone.close();
        awaitBlocked(1);
        jedis().rpush("dq", "x");
        assertEquals("x", get(r).getValue(), "the push goes to the client still connected");

        RawClient gone2 = new RawClient(server.port());
        gone2.send(command("BLPOP", "dq2", "0"));
        awaitBlocked(1);
        gone2.close();
        awaitBlocked(0);
        Jedis j = jedis();
        j.rpush("dq2", "kept");
        assertEquals(List.of("kept"), j.lrange("dq2", 0, -1), "nobody waits: the element stays");
    }

    @Test
    void blmoveAndBrpoplpushMoveOnceServed() throws Exception {
        Jedis a = jedis();
        Jedis b = jedis();
        Future<String> moved = in(() -> a.blmove("src", "dst", ListDirection.LEFT, ListDirection.RIGHT, 0));
        awaitBlocked(1);
        // BRPOPLPUSH waits on dst, which the served BLMOVE fills in turn.
        Future<String> chained = in(() -> b.brpoplpush("dst", "final", 0));
        awaitBlocked(2);
        jedis().rpush("src", "v");
        assertEquals("v", get(moved));
        assertEquals("v", get(chained));
        Jedis j = jedis();
        assertEquals(0, j.llen("src"));
        assertEquals(0, j.llen("dst"));
        assertEquals(List.of("v"), j.lrange("final", 0, -1));
    }

    @Test
    void blmpopWithCount() throws Exception {
        Jedis a = jedis();
        Future<KeyValue<String, List<String>>> r = in(() -> a.blmpop(0, ListDirection.RIGHT, 2, "m1", "m2"));
        awaitBlocked(1);
        jedis().rpush("m2", "1", "2", "3");
        KeyValue<String, List<String>> kv = get(r);
        assertEquals("m2", kv.getKey());
        assertEquals(List.of("3", "2"), kv.getValue());
        assertEquals(List.of("1"), jedis().lrange("m2", 0, -1));
    }

    @Test
    void pipelinedRequestsAfterABlockingOneWaitTheirTurn() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("BLPOP", "pq", "0") + command("RPUSH", "after", "z") + command("PING"));
            awaitBlocked(1);
            Jedis j = jedis();
            assertEquals(0, j.llen("after"), "the RPUSH behind the BLPOP has not run");
            c.send(command("LLEN", "after"));
            j.rpush("pq", "x");
            String expected = "*2\r\n$2\r\npq\r\n$1\r\nx\r\n:1\r\n+PONG\r\n:1\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void pipelinedBlockingCommandsBlockInTurn() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("BLPOP", "p1", "0") + command("BLPOP", "p2", "0.05") + command("PING"));
            awaitBlocked(1);
            jedis().rpush("p1", "a");
            String expected = "*2\r\n$2\r\np1\r\n$1\r\na\r\n*-1\r\n+PONG\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void aKeyOfAnotherTypeDoesNotServe() throws Exception {
        Jedis a = jedis();
        Future<KeyValue<String, String>> r = in(() -> a.blpop(0.0, "typed"));
        awaitBlocked(1);
        Jedis j = jedis();
        j.set("typed", "a string");
        j.getDel("typed");
        awaitBlocked(1);
        assertFalse(r.isDone());
        j.rpush("typed", "now");
        assertEquals("now", get(r).getValue());
    }

    @Test
    void lettuceBlpopWithResp3() throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> waiter = client.connect();
             StatefulRedisConnection<String, String> pusher = client.connect()) {
            RedisFuture<io.lettuce.core.KeyValue<String, String>> r = waiter.async().blpop(0, "lq");
            awaitBlocked(1);
            pusher.sync().rpush("lq", "hello");
            io.lettuce.core.KeyValue<String, String> kv = r.get(10, TimeUnit.SECONDS);
            assertEquals("lq", kv.getKey());
            assertEquals("hello", kv.getValue());
            RedisFuture<String> moved = waiter.async().blmove("ls", "ld", LMoveArgs.Builder.leftRight(), 0.0);
            awaitBlocked(1);
            pusher.sync().rpush("ls", "m");
            assertEquals("m", moved.get(10, TimeUnit.SECONDS));
            assertNull(waiter.sync().blpop(0.05, "nothing"));
            assertTrue(waiter.sync().lrange("ld", 0, -1).contains("m"));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
