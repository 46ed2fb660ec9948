package io.pyredis.commands.hashes;

import io.lettuce.core.KeyValue;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hash pack in a real server (found on the class path), through Jedis (RESP2) and Lettuce (RESP3). */
class HashesClientsTest {

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
            assertEquals(2, j.hset("j:h", Map.of("a", "1", "b", "2")));
            assertEquals("1", j.hget("j:h", "a"));
            assertNull(j.hget("j:h", "zz"));
            assertEquals(java.util.Arrays.asList("1", null), j.hmget("j:h", "a", "zz"));
            assertEquals(Map.of("a", "1", "b", "2"), j.hgetAll("j:h"));
            assertEquals(12, j.hincrBy("j:h", "a", 11));
            assertEquals(12.5, j.hincrByFloat("j:h", "a", 0.5));
            assertEquals(4, j.hstrlen("j:h", "a"));
            assertTrue(j.hexists("j:h", "b"));
            assertEquals(2, j.hlen("j:h"));
            List<Map.Entry<String, String>> pairs = j.hrandfieldWithValues("j:h", -3);
            assertEquals(3, pairs.size());
            for (Map.Entry<String, String> e : pairs) {
                assertEquals(j.hget("j:h", e.getKey()), e.getValue());
            }
            assertEquals(2, j.hrandfield("j:h", 5).size());
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.hincrBy("j:h", "a", 1));
            assertEquals("ERR hash value is not an integer", e.getMessage());
            ScanResult<Map.Entry<String, String>> scan = j.hscan("j:h", ScanParams.SCAN_POINTER_START,
                    new ScanParams().match("b*"));
            assertEquals("0", scan.getCursor());
            assertEquals(1, scan.getResult().size());
            assertEquals(2, j.hdel("j:h", "a", "b"));
            assertEquals(0, j.hlen("j:h"));
            assertEquals(Map.of(), j.hgetAll("j:h"));
            j.set("j:s", "x");
            e = assertThrows(JedisDataException.class, () -> j.hget("j:s", "a"));
            assertTrue(e.getMessage().startsWith("WRONGTYPE"));
        }
    }

    @Test
    void lettuceResp3() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisCommands<String, String> c = conn.sync();
            Map<String, String> big = new HashMap<>();
            for (int i = 0; i < 600; i++) {
                big.put("f" + i, "v" + i);
            }
            assertEquals(600, c.hset("l:h", big));
            assertEquals(big, c.hgetall("l:h"), "HGETALL is a RESP3 map");
            assertEquals(600, c.hkeys("l:h").size());
            assertEquals(600, c.hvals("l:h").size());
            List<KeyValue<String, String>> pairs = c.hrandfieldWithvalues("l:h", 5);
            assertEquals(5, pairs.size());
            for (KeyValue<String, String> kv : pairs) {
                assertEquals("v" + kv.getKey().substring(1), kv.getValue());
            }
            assertEquals(7, c.hrandfieldWithvalues("l:h", -7).size());
            assertTrue(big.containsKey(c.hrandfield("l:h")));
            assertEquals(Boolean.TRUE, c.hsetnx("l:h", "new", "x"));
            assertEquals(Boolean.FALSE, c.hsetnx("l:h", "new", "y"));
            assertNull(c.hget("l:h2", "f"));
            assertEquals(1.5, c.hincrbyfloat("l:h2", "f", 1.5));
            Map<String, String> scanned = new HashMap<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                MapScanCursor<String, String> step = c.hscan("l:h", cursor, ScanArgs.Builder.limit(50));
                scanned.putAll(step.getMap());
                cursor = step;
            } while (!cursor.isFinished());
            assertEquals(601, scanned.size());
            RedisCommandExecutionException e = assertThrows(RedisCommandExecutionException.class,
                    () -> c.hrandfield("l:h", Long.MIN_VALUE));
            assertEquals("ERR value is out of range, value must between -9223372036854775807 and"
                    + " 9223372036854775807", e.getMessage());
        } finally {
            client.shutdown();
        }
    }
}
