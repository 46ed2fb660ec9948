package io.pyredis.dist;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.pyredis.server.PyRedisServer;
import io.pyredis.storage.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server with the real command packs (found on the class path, as a user's embedded
 * server finds them) through Jedis and Lettuce: transactions, blocking and keyspace
 * notifications of commands the server's own tests can only imitate. Behaviour checked
 * against redis-server 7.0.15.
 */
class CrossPackIntegrationTest {

    private static final ManualClock CLOCK = new ManualClock(1_700_000_000_000L);
    private static PyRedisServer server;

    private Jedis jedis;
    private Jedis other;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("save", "").clock(CLOCK).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void connect() {
        jedis = new Jedis("127.0.0.1", server.port(), 10_000);
        other = new Jedis("127.0.0.1", server.port(), 10_000);
        jedis.flushAll();
        jedis.configSet("notify-keyspace-events", "");
    }

    @AfterEach
    void disconnect() {
        jedis.close();
        other.close();
    }

    @Test
    void anotherClientsWriteFailsExec() {
        List<Consumer<Jedis>> writes = List.of(
                j -> j.del("w"),
                j -> j.expire("w", 100),
                j -> j.swapDB(0, 1),
                Jedis::flushAll,
                j -> j.lpush("w", "x"));
        for (Consumer<Jedis> write : writes) {
            jedis.flushAll();
            jedis.rpush("w", "a");
            jedis.watch("w");
            write.accept(other);
            Transaction t = jedis.multi();
            t.set("after", "1");
            assertNull(t.exec(), "EXEC must fail after the watched key changed");
            assertNull(jedis.get("after"));
        }
        // And untouched, the same transaction runs.
        jedis.flushAll();
        jedis.rpush("w", "a");
        jedis.watch("w");
        other.set("unrelated", "1");
        Transaction t = jedis.multi();
        t.set("after", "1");
        assertEquals(List.of("OK"), t.exec());
    }

    @Test
    void copyOfASortedSetKeepsItsEncodingAndIsIndependent() {
        String limit = jedis.configGet("zset-max-listpack-entries").get("zset-max-listpack-entries");
        try {
            jedis.configSet("zset-max-listpack-entries", "3");
            for (String[] zset : new String[][] {{"small", "2"}, {"big", "5"}}) {
                String key = zset[0];
                int n = Integer.parseInt(zset[1]);
                for (int i = 0; i < n; i++) {
                    jedis.zadd(key, i * 1.5, "m" + i);
                }
                String encoding = jedis.objectEncoding(key);
                assertEquals(n <= 3 ? "listpack" : "skiplist", encoding);
                assertTrue(jedis.copy(key, key + "2", false));
                assertEquals(encoding, jedis.objectEncoding(key + "2"));
                assertEquals(jedis.zrangeWithScores(key, 0, -1), jedis.zrangeWithScores(key + "2", 0, -1));
                // Changing one leaves the other as it was.
                jedis.zadd(key, 100, "m0");
                jedis.zrem(key, "m1");
                assertEquals(0.0, jedis.zscore(key + "2", "m0"));
                assertEquals(1.5, jedis.zscore(key + "2", "m1"));
                assertEquals(n, jedis.zcard(key + "2"));
            }
        } finally {
            jedis.configSet("zset-max-listpack-entries", limit);
        }
    }

    @Test
    void blpopInsideMultiDoesNotBlock() {
        Transaction t = jedis.multi();
        t.blpop(0, "empty");
        t.lpush("full", "a");
        t.blpop(0, "full");
        List<Object> r = t.exec();
        assertEquals(3, r.size());
        assertNull(r.get(0));
        assertEquals(1L, r.get(1));
        assertEquals(List.of("full", "a"), r.get(2));
    }

    @Test
    void aWaitedKeyOfAnotherTypeKeepsTheWaitButAWrongTypeDestinationEndsIt() throws Exception {
        // As Redis 7.0: the key waited on turning into a string does not serve BLPOP...
        CompletableFuture<List<String>> popped = CompletableFuture.supplyAsync(() -> {
            try (Jedis waiter = new Jedis("127.0.0.1", server.port(), 10_000)) {
                return waiter.blpop(0, "src1");
            }
        });
        awaitBlocked(1);
        other.set("src1", "x");
        awaitBlocked(1);
        assertTrue(!popped.isDone(), "still waiting");
        other.del("src1");
        other.rpush("src1", "v");
        assertEquals(List.of("src1", "v"), popped.get(10, TimeUnit.SECONDS));
        awaitBlocked(0);

        // ...but a destination of another type is BRPOPLPUSH's error, and nothing moves.
        other.set("dst2", "nolist");
        CompletableFuture<String> moved = CompletableFuture.supplyAsync(() -> {
            try (Jedis waiter = new Jedis("127.0.0.1", server.port(), 10_000)) {
                return waiter.brpoplpush("src2", "dst2", 0);
            } catch (redis.clients.jedis.exceptions.JedisDataException e) {
                return e.getMessage();
            }
        });
        awaitBlocked(1);
        other.rpush("src2", "foo");
        assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", moved.get(10, TimeUnit.SECONDS));
        awaitBlocked(0);
        assertEquals(List.of("foo"), other.lrange("src2", 0, -1));
        assertEquals("nolist", other.get("dst2"));
    }

    @Test
    void blpopIsWokenByAPushInsideAnotherClientsExec() throws Exception {
        CompletableFuture<List<String>> popped = CompletableFuture.supplyAsync(() -> {
            try (Jedis waiter = new Jedis("127.0.0.1", server.port(), 10_000)) {
                return waiter.blpop(5, "q");
            }
        });
        awaitBlocked(1);
        Transaction t = other.multi();
        t.lpush("q", "a", "b");
        t.llen("q");
        assertEquals(List.of(2L, 2L), t.exec(), "inside EXEC the waiter is not served yet");
        assertEquals(List.of("q", "b"), popped.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("a"), jedis.lrange("q", 0, -1));
    }

    @Test
    void swapdbWakesAWaiterWhoseKeyIsInTheSwappedInDatabase() throws Exception {
        CompletableFuture<List<String>> popped = CompletableFuture.supplyAsync(() -> {
            try (Jedis waiter = new Jedis("127.0.0.1", server.port(), 10_000)) {
                return waiter.blpop(5, "q");
            }
        });
        awaitBlocked(1);
        other.select(1);
        other.rpush("q", "x", "y");
        other.swapDB(0, 1);
        assertEquals(List.of("q", "x"), popped.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("y"), jedis.lrange("q", 0, -1), "the waiter popped from database 0");
        assertEquals(0L, other.exists("q") ? 1L : 0L);
    }

    @Test
    void realCommandsSendKeyeventNotifications() throws Exception {
        jedis.configSet("notify-keyspace-events", "KEA");
        jedis.configSet("notify-keyspace-events", "KEAm");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        JedisPubSub sub = new JedisPubSub() {
            @Override
            public void onPSubscribe(String pattern, int count) {
                subscribed.countDown();
            }

            @Override
            public void onPMessage(String pattern, String channel, String message) {
                events.add(channel + " " + message);
            }
        };
        Thread t = new Thread(() -> {
            try (Jedis s = new Jedis("127.0.0.1", server.port(), 0)) {
                s.psubscribe(sub, "__keyevent@0__:*");
            }
        });
        t.start();
        try {
            assertTrue(subscribed.await(10, TimeUnit.SECONDS));
            other.set("s", "v");
            other.expire("s", 100);
            other.del("s");
            other.lpush("l", "a");
            other.hset("h", "f", "v");
            other.zadd("z", 1, "m");
            other.incr("n");
            other.get("missing");
            other.mget("s", "l", "m2");
            other.psetex("t", 1000, "v");
            CLOCK.advance(2000);
            assertNull(other.get("t"));
            other.set("done", "1");
            List<String> want = List.of(
                    "__keyevent@0__:set s",
                    "__keyevent@0__:expire s",
                    "__keyevent@0__:del s",
                    "__keyevent@0__:lpush l",
                    "__keyevent@0__:hset h",
                    "__keyevent@0__:zadd z",
                    "__keyevent@0__:incrby n",
                    "__keyevent@0__:keymiss missing",
                    "__keyevent@0__:keymiss s",
                    "__keyevent@0__:keymiss m2",
                    "__keyevent@0__:set t",
                    "__keyevent@0__:expire t",
                    "__keyevent@0__:expired t",
                    "__keyevent@0__:keymiss t",
                    "__keyevent@0__:set done");
            List<String> got = new ArrayList<>();
            for (int i = 0; i < want.size(); i++) {
                String e = events.poll(10, TimeUnit.SECONDS);
                if (e == null) {
                    break;
                }
                got.add(e);
            }
            assertEquals(want, got);
        } finally {
            sub.punsubscribe();
            t.join(10_000);
        }
    }

    @Test
    void keymissFollowsReadLookupsOnlyAndNeedsItsOwnFlag() throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    heard.add(channel + " " + message);
                }
            });
            sub.sync().subscribe("__keyspace@0__:k", "__keyevent@0__:keymiss", "marker");

            jedis.configSet("notify-keyspace-events", "KEA");
            other.get("k");
            other.publish("marker", "A");
            assertEquals("marker A", heard.poll(10, TimeUnit.SECONDS), "A does not include m");

            jedis.configSet("notify-keyspace-events", "Km");
            other.incr("w");          // a write lookup: no keymiss
            other.set("w2", "v", redis.clients.jedis.params.SetParams.setParams().nx());
            other.lpush("w3", "a");
            other.exists("k");
            other.type("k");
            other.hget("k", "f");
            other.publish("marker", "Km");
            assertEquals("__keyspace@0__:k keymiss", heard.poll(10, TimeUnit.SECONDS));
            assertEquals("__keyspace@0__:k keymiss", heard.poll(10, TimeUnit.SECONDS));
            assertEquals("__keyspace@0__:k keymiss", heard.poll(10, TimeUnit.SECONDS));
            assertEquals("marker Km", heard.poll(10, TimeUnit.SECONDS));

            jedis.configSet("notify-keyspace-events", "Em");
            other.getDel("k");
            other.sinterstore("dst", "k");
            other.publish("marker", "Em");
            assertEquals("__keyevent@0__:keymiss k", heard.poll(10, TimeUnit.SECONDS));
            assertEquals("__keyevent@0__:keymiss k", heard.poll(10, TimeUnit.SECONDS));
            assertEquals("marker Em", heard.poll(10, TimeUnit.SECONDS));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
        }
    }

    @Test
    void infoCountsOnlyReadLookups() {
        jedis.configResetStat();
        other.incr("missing1");
        other.lpush("missing2", "a");
        other.get("missing3");
        other.exists("missing4");
        other.get("missing1");
        other.setGet("missing5", "v");
        Map<String, String> stats = stats(jedis.info("stats"));
        assertEquals("3", stats.get("keyspace_misses"));
        assertEquals("1", stats.get("keyspace_hits"));
    }

    private static Map<String, String> stats(String info) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String line : info.split("\r\n")) {
            int i = line.indexOf(':');
            if (i > 0) {
                m.put(line.substring(0, i), line.substring(i + 1));
            }
        }
        return m;
    }

    private static void awaitBlocked(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.blockedClients() != n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + n + " blocked clients, have " + server.blockedClients());
            }
            Thread.sleep(5);
        }
    }
}
