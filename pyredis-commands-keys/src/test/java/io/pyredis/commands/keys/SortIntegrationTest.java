package io.pyredis.commands.keys;

import io.pyredis.testkit.Harness;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SortArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pyredis.server.PyRedisServer;
import io.pyredis.storage.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SortingParams;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * SORT and SORT_RO in a real PyRedisServer with the collection packs, through Jedis (RESP2)
 * and Lettuce (RESP3). Replies are the ones redis-server 7.0.15 gives for the same calls.
 */
class SortIntegrationTest {

    static PyRedisServer server;
    static RedisClient lettuceClient;
    static StatefulRedisConnection<String, String> lettuceConnection;
    static RedisCommands<String, String> lettuce;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .clock(new ManualClock(Harness.START)).build().start();
        lettuceClient = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        lettuceConnection = lettuceClient.connect();
        lettuce = lettuceConnection.sync();
    }

    @AfterAll
    static void stop() {
        lettuceConnection.close();
        lettuceClient.shutdown();
        server.close();
    }

    @BeforeEach
    void data() {
        try (Jedis j = jedis()) {
            j.flushAll();
            j.rpush("ids", "3", "1", "2", "4");
            j.mset("w_1", "40", "w_2", "10", "w_3", "30", "o_1", "one", "o_3", "three");
            j.hset("h_2", "name", "dos");
            j.hset("h_4", "name", "cuatro");
            j.sadd("s", "b", "c", "a");
            j.zadd("z", 2, "x");
            j.zadd("z", 1, "y");
            j.zadd("z", 3, "w");
        }
    }

    private static Jedis jedis() {
        return new Jedis("127.0.0.1", server.port());
    }

    @Test
    void jedisSorts() {
        try (Jedis j = jedis()) {
            assertEquals(List.of("1", "2", "3", "4"), j.sort("ids"));
            assertEquals(List.of("4", "3", "2", "1"), j.sort("ids", new SortingParams().desc()));
            assertEquals(List.of("a", "b", "c"), j.sort("s", new SortingParams().alpha()));
            assertEquals(List.of("y", "x", "w"), j.sort("z", new SortingParams().by("nosort")));
            assertEquals(List.of("x"), j.sort("z", new SortingParams().by("nosort").limit(1, 1)));
            // w_4 is missing, so 4 weighs 0.
            assertEquals(List.of("4", "2", "3", "1"), j.sort("ids", new SortingParams().by("w_*")));
        }
    }

    @Test
    void jedisGetsAndStores() {
        try (Jedis j = jedis()) {
            assertEquals(Arrays.asList("cuatro", "4", "dos", "2", null, "3"),
                    j.sort("ids", new SortingParams().by("w_*").limit(0, 3).get("h_*->name", "#")));
            assertEquals(Arrays.asList(null, "three"), j.sort("ids", new SortingParams().by("w_*").limit(1, 2)
                    .get("o_*")));
            assertEquals(4L, j.sort("ids", new SortingParams().desc(), "dst"));
            assertEquals(List.of("4", "3", "2", "1"), j.lrange("dst", 0, -1));
            assertEquals("list", j.type("dst"));
            assertEquals(0L, j.sort("nokey", "dst"));
            assertFalse(j.exists("dst"));
            assertEquals(List.of("1", "2"), j.sortReadonly("ids", new SortingParams().limit(0, 2)));
        }
    }

    @Test
    void jedisErrors() {
        try (Jedis j = jedis()) {
            j.set("str", "x");
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.sort("str"));
            assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", e.getMessage());
            e = assertThrows(JedisDataException.class, () -> j.sort("s"));
            assertEquals("ERR One or more scores can't be converted into double", e.getMessage());
            e = assertThrows(JedisDataException.class, () -> j.sendCommand(() -> "SORT_RO".getBytes(), "ids",
                    "STORE", "dst"));
            assertEquals("ERR syntax error", e.getMessage());
        }
    }

    @Test
    void lettuceSortsOverResp3() {
        assertEquals(List.of("3", "4"), lettuce.sort("ids", SortArgs.Builder.limit(2, 5)));
        assertEquals(List.of("c", "b", "a"), lettuce.sort("s", SortArgs.Builder.alpha().desc()));
        assertEquals(Arrays.asList("one", null, "three", null),
                lettuce.sortReadOnly("ids", SortArgs.Builder.get("o_*")));
        assertEquals(3L, lettuce.sortStore("s", SortArgs.Builder.by("nosort"), "dst"));
        assertEquals(List.of("a", "b", "c"), lettuce.lrange("dst", 0, -1));
        lettuce.set("str", "x");
        RedisCommandExecutionException e = assertThrows(RedisCommandExecutionException.class,
                () -> lettuce.sortReadOnly("str"));
        assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", e.getMessage());
    }
}
