package io.pyredis.commands.hyperloglog;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pack in a real server (found on the class path), through Jedis (RESP2) and Lettuce (RESP3). */
class HyperLogLogClientsTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String encoding(Jedis j, String key) {
        return new String((byte[]) j.sendCommand(() -> "PFDEBUG".getBytes(StandardCharsets.US_ASCII), "ENCODING", key), StandardCharsets.UTF_8);
    }

    @Test
    void jedis() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            assertEquals(1, j.pfadd("j:a", "x", "y", "z"));
            assertEquals(0, j.pfadd("j:a", "x", "y"));
            assertEquals(3, j.pfcount("j:a"));
            assertEquals(1, j.pfadd("j:b", "z", "w"));
            assertEquals(4, j.pfcount("j:a", "j:b", "j:nokey"));
            assertEquals("OK", j.pfmerge("j:m", "j:a", "j:b"));
            assertEquals(4, j.pfcount("j:m"));
            assertEquals(3, j.pfcount("j:a"));
            j.set("j:s", "not an hll");
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.pfadd("j:s", "a"));
            assertEquals("WRONGTYPE Key is not a valid HyperLogLog string value.", e.getMessage());
            j.lpush("j:l", "a");
            e = assertThrows(JedisDataException.class, () -> j.pfcount("j:l"));
            assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", e.getMessage());
            // Not j:a: its cached estimate is believed without looking at the registers, as in Redis.
            j.pfadd("j:c", "a", "b", "c");
            j.append("j:c", "garbage");
            e = assertThrows(JedisDataException.class, () -> j.pfcount("j:c"));
            assertEquals("INVALIDOBJ Corrupted HLL object detected", e.getMessage());
        }
    }

    @Test
    void pfaddAndPfcountKeepTheTimeToLive() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.pfadd("t:h", "a");
            j.expire("t:h", 1000);
            j.pfadd("t:h", "b", "c");
            assertTrue(j.ttl("t:h") > 990);
            assertEquals(3, j.pfcount("t:h"));
            assertTrue(j.ttl("t:h") > 990);
            assertEquals("raw", j.objectEncoding("t:h"));
        }
    }

    @Test
    void configSetHllSparseMaxBytesTakesEffect() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            try {
                j.configSet("hll-sparse-max-bytes", "0");
                j.pfadd("c:h", "a");
                assertEquals("dense", encoding(j, "c:h"));
                j.configSet("hll-sparse-max-bytes", "100");
                String[] els = new String[10];
                for (int i = 0; i < els.length; i++) {
                    els[i] = "e" + i;
                }
                j.pfadd("c:s", els);
                assertEquals("sparse", encoding(j, "c:s"));
                for (int i = 0; i < 200 && "sparse".equals(encoding(j, "c:s")); i++) {
                    assertTrue(j.strlen("c:s") <= 100);
                    j.pfadd("c:s", "more" + i);
                }
                assertEquals("dense", encoding(j, "c:s"));
                assertEquals(12304, j.strlen("c:s"));
            } finally {
                j.configSet("hll-sparse-max-bytes", "3000");
            }
        }
    }

    @Test
    void lettuceResp3() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> r = c.sync();
            assertEquals(1, r.pfadd("l:a", "1", "2", "3", "4"));
            assertEquals(4, r.pfcount("l:a"));
            assertEquals("OK", r.pfmerge("l:b", "l:a"));
            assertEquals(4, r.pfcount("l:a", "l:b"));
        } finally {
            client.shutdown();
        }
    }
}
