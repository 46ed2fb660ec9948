package io.pyredis.commands.lists;

import io.lettuce.core.LMoveArgs;
import io.lettuce.core.LPosArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.args.ListPosition;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.LPosParams;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The list commands through Jedis (RESP2) and Lettuce (RESP3) against a real server that found the pack by ServiceLoader. */
class ListsIntegrationTest {

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
    void jedis() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            assertEquals(3, j.rpush("j:l", "a", "b", "c"));
            assertEquals(4, j.lpush("j:l", "z"));
            assertEquals(List.of("z", "a", "b", "c"), j.lrange("j:l", 0, -1));
            assertEquals(5, j.linsert("j:l", ListPosition.AFTER, "a", "x"));
            assertEquals("x", j.lindex("j:l", 2));
            assertEquals("OK", j.lset("j:l", -1, "C"));
            assertEquals(Long.valueOf(4), j.lpos("j:l", "C"));
            assertEquals(List.of(1L), j.lpos("j:l", "a", LPosParams.lPosParams().rank(1), 0));
            assertEquals(1, j.lrem("j:l", 0, "x"));
            assertEquals(List.of("z", "a"), j.lpop("j:l", 2));
            assertEquals("C", j.rpop("j:l"));
            assertEquals("b", j.lmove("j:l", "j:m", ListDirection.LEFT, ListDirection.RIGHT));
            assertEquals(0, j.llen("j:l"));
            assertEquals("OK", j.ltrim("j:m", 0, 0));
            assertEquals("j:m", j.lmpop(ListDirection.LEFT, 5, "j:l", "j:m").getKey());
            assertNull(j.lpop("j:m"));
            assertEquals(0, j.lpushx("j:m", "a"));
            j.set("j:s", "string");
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.lpush("j:s", "a"));
            assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", e.getMessage());
            e = assertThrows(JedisDataException.class, () -> j.lset("j:none", 0, "a"));
            assertEquals("ERR no such key", e.getMessage());
        }
    }

    @Test
    void lettuceResp3() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisCommands<String, String> c = conn.sync();
            assertEquals(3, c.rpush("t:l", "a", "b", "a"));
            assertEquals(List.of(0L, 2L), c.lpos("t:l", "a", 0));
            assertEquals(Long.valueOf(2), c.lpos("t:l", "a", LPosArgs.Builder.rank(-1)));
            assertNull(c.lpos("t:l", "zz"));
            assertEquals("a", c.rpoplpush("t:l", "t:m"));
            assertEquals("a", c.lmove("t:l", "t:m", LMoveArgs.Builder.leftLeft()));
            assertEquals(List.of("a", "a"), c.lrange("t:m", 0, -1));
            assertEquals(List.of("b"), c.lpop("t:l", 5));
            assertEquals(List.of(), c.lpop("t:l", 5));
            assertEquals("t:m", c.lmpop(io.lettuce.core.LMPopArgs.Builder.right().count(1), "t:l", "t:m").getKey());
            assertEquals(1, c.llen("t:m"));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
