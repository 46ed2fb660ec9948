package io.pyredis.commands.sortedsets;

import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.ZPopArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.SortedSetOption;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.params.ZParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sorted set commands through Jedis (RESP2) and Lettuce (RESP3) against a real server, blocking included. */
class ClientsIntegrationTest {

    static PyRedisServer server;
    static RedisClient lettuceClient;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
        lettuceClient = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
    }

    @AfterAll
    static void stop() {
        lettuceClient.shutdown();
        server.close();
    }

    @AfterEach
    void close() throws Exception {
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

    private RedisCommands<String, String> lettuce() {
        StatefulRedisConnection<String, String> c = lettuceClient.connect();
        c.setTimeout(Duration.ofSeconds(10));
        open.add(c);
        return c.sync();
    }

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
    void jedisBasics() {
        Jedis j = jedis();
        assertEquals(3, j.zadd("z", Map.of("a", 1.0, "b", 2.5, "c", -0.1)));
        assertEquals(1, j.zadd("z", 3.0, "a", ZAddParams.zAddParams().xx().ch()));
        assertEquals(Double.valueOf(4.0), j.zaddIncr("z", 1.0, "a", ZAddParams.zAddParams()));
        assertEquals(-0.1 + 0.2, j.zincrby("z", 0.2, "c"));
        assertEquals(Double.valueOf(2.5), j.zscore("z", "b"));
        assertEquals(Long.valueOf(0), j.zrank("z", "c"));
        assertEquals(Long.valueOf(0), j.zrevrank("z", "a"));
        List<Tuple> all = j.zrangeWithScores("z", 0, -1);
        assertEquals(List.of("c", "b", "a"), all.stream().map(Tuple::getElement).toList());
        assertEquals(4.0, all.get(2).getScore());
        assertEquals(List.of("b", "a"), j.zrangeByScore("z", "(0.5", "+inf"));
        assertEquals(2, j.zcount("z", "1", "+inf"));
        assertEquals("inf", new String(j.sendCommand(redis.clients.jedis.Protocol.Command.ZINCRBY,
                "z", "inf", "a") instanceof byte[] b ? b : new byte[0]));
        Tuple min = j.zpopmin("z");
        assertEquals("c", min.getElement());
        assertEquals(2, j.zcard("z"));
        JedisDataException nan = assertThrows(JedisDataException.class,
                () -> j.sendCommand(redis.clients.jedis.Protocol.Command.ZINCRBY, "z", "-inf", "a"));
        assertEquals("ERR resulting score is not a number (NaN)", nan.getMessage());
        j.set("s", "v");
        JedisDataException e = assertThrows(JedisDataException.class, () -> j.zadd("s", 1, "a"));
        assertTrue(e.getMessage().startsWith("WRONGTYPE"), e.getMessage());
    }

    @Test
    void jedisSetOperationsScanAndRandom() {
        Jedis j = jedis();
        j.zadd("u1", Map.of("a", 1.0, "b", 2.0));
        j.zadd("u2", Map.of("b", 10.0, "c", 20.0));
        assertEquals(3, j.zunionstore("out", new ZParams().weights(1, 2).aggregate(ZParams.Aggregate.MAX), "u1", "u2"));
        assertEquals(List.of("a", "b", "c"), j.zrange("out", 0, -1));
        assertEquals(Double.valueOf(20.0), j.zscore("out", "b"));
        assertEquals(Double.valueOf(40.0), j.zscore("out", "c"));
        assertEquals(1, j.zinterstore("out", "u1", "u2"));
        assertEquals(Double.valueOf(12.0), j.zscore("out", "b"));
        assertEquals(1, j.zintercard("u1", "u2"));
        for (int i = 0; i < 300; i++) {
            j.zadd("big", i % 7, "m" + i);
        }
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int steps = 0;
        do {
            ScanResult<Tuple> r = j.zscan("big", cursor);
            r.getResult().forEach(t -> seen.add(t.getElement()));
            cursor = r.getCursor();
            steps++;
        } while (!cursor.equals("0"));
        assertEquals(300, seen.size());
        assertTrue(steps > 1, "a skiplist set is scanned in several steps");
        List<Tuple> random = j.zrandmemberWithScores("big", -500);
        assertEquals(500, random.size());
        assertEquals(300, new HashSet<>(j.zrandmember("big", 1000)).size());
        redis.clients.jedis.util.KeyValue<String, List<Tuple>> popped = j.zmpop(SortedSetOption.MAX, 2, "nokey", "u2");
        assertEquals("u2", popped.getKey());
        assertEquals(List.of("c", "b"), popped.getValue().stream().map(Tuple::getElement).toList());
        // SETNX succeeds only on a missing key: the emptied sorted set was deleted, not kept.
        assertEquals(1, j.setnx("u2", "gone"), "an emptied sorted set is deleted");
    }

    @Test
    void lettuceSpeaksResp3() {
        RedisCommands<String, String> l = lettuce();
        assertEquals(3, l.zadd("lz", 1.0, "a", 2.0, "b", Double.POSITIVE_INFINITY, "c"));
        List<ScoredValue<String>> withScores = l.zrangeWithScores("lz", 0, -1);
        assertEquals(3, withScores.size());
        assertEquals(ScoredValue.just(Double.POSITIVE_INFINITY, "c"), withScores.get(2));
        assertEquals(Double.valueOf(2.0), l.zscore("lz", "b"));
        assertEquals(List.of(1.0, 2.0), l.zmscore("lz", "a", "b"));
        assertEquals(Double.valueOf(3.5), l.zaddincr("lz", ZAddArgs.Builder.gt(), 1.5, "b"));
        assertEquals(List.of("b", "a"), l.zrevrangebyscore("lz", Range.create(0.0, 10.0)));
        List<ScoredValue<String>> pops = l.zpopmax("lz", 2);
        assertEquals(List.of("c", "b"), pops.stream().map(ScoredValue::getValue).toList());
        assertEquals(1, l.zcard("lz"));
        KeyValue<String, ScoredValue<String>> mp = l.zmpop(ZPopArgs.Builder.min(), "lz");
        assertEquals("lz", mp.getKey());
        assertEquals(ScoredValue.just(1.0, "a"), mp.getValue());
        assertEquals(Boolean.TRUE, l.setnx("lz", "gone"), "an emptied sorted set is deleted");
    }

    @Test
    void bzpopminWaitsForAnotherClientsZadd() throws Exception {
        Jedis waiter = jedis();
        Jedis writer = jedis();
        Future<redis.clients.jedis.util.KeyValue<String, Tuple>> r = pool.submit(() -> waiter.bzpopmin(0, "q1", "q2"));
        awaitBlocked(1);
        assertFalse(r.isDone());
        writer.zadd("q2", Map.of("x", 5.0, "y", 1.0));
        redis.clients.jedis.util.KeyValue<String, Tuple> kv = get(r);
        assertEquals("q2", kv.getKey());
        assertEquals(new Tuple("y", 1.0), kv.getValue());
        assertEquals(List.of("x"), writer.zrange("q2", 0, -1));
    }

    @Test
    void longestWaitingClientIsServedFirstAndTimeoutsReplyNull() throws Exception {
        Jedis first = jedis();
        Jedis second = jedis();
        Jedis writer = jedis();
        Future<redis.clients.jedis.util.KeyValue<String, Tuple>> a = pool.submit(() -> first.bzpopmax(0, "fifo"));
        awaitBlocked(1);
        Future<redis.clients.jedis.util.KeyValue<String, List<Tuple>>> b =
                pool.submit(() -> second.bzmpop(0, SortedSetOption.MIN, 5, "fifo"));
        awaitBlocked(2);
        writer.zadd("fifo", 1, "one");
        assertEquals("one", get(a).getValue().getElement());
        awaitBlocked(1);
        assertFalse(b.isDone());
        writer.zadd("fifo", Map.of("two", 2.0, "three", 3.0));
        assertEquals(List.of("two", "three"), get(b).getValue().stream().map(Tuple::getElement).toList());
        assertNull(writer.bzpopmin(0.05, "never"), "a timeout replies a null array");
    }

    @Test
    void lettuceBlocking() throws Exception {
        RedisCommands<String, String> waiter = lettuce();
        RedisCommands<String, String> writer = lettuce();
        Future<KeyValue<String, ScoredValue<String>>> r = pool.submit(() -> waiter.bzpopmin(0, "lq"));
        awaitBlocked(1);
        writer.zadd("lq", 7.0, "m");
        KeyValue<String, ScoredValue<String>> kv = get(r);
        assertEquals("lq", kv.getKey());
        assertEquals(ScoredValue.just(7.0, "m"), kv.getValue());

        assertEquals(0, server.blockedClients());
    }
}
