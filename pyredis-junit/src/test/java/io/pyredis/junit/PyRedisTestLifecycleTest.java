package io.pyredis.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One server per class, config applied, the parameters injected, FLUSHALL between tests. */
@PyRedisTest(config = {"maxmemory", "10mb", "maxmemory-policy", "allkeys-lru"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PyRedisTestLifecycleTest {

    static int firstPort;

    @Test
    @Order(1)
    void injectsPortHandleAndJedis(@PyRedisPort int port, PyRedisServerHandle redis, Jedis jedis) {
        firstPort = port;
        assertEquals(port, redis.port());
        assertEquals("redis://127.0.0.1:" + port, redis.uri().toString());
        assertTrue(jedis.clientInfo().contains(" laddr=127.0.0.1:" + port + " "), jedis.clientInfo());
        assertEquals("OK", jedis.set("left", "behind"));
        assertEquals("behind", jedis.get("left"));
    }

    @Test
    @Order(2)
    void sameServerFlushedBetweenTests(@PyRedisPort int port, Jedis jedis) {
        assertEquals(firstPort, port);
        assertNull(jedis.get("left"));
        assertEquals(0, jedis.dbSize());
    }

    @Test
    @Order(3)
    void configApplied(Jedis jedis) {
        assertEquals(Map.of("maxmemory", String.valueOf(10L * 1024 * 1024)), jedis.configGet("maxmemory"));
        assertEquals(Map.of("maxmemory-policy", "allkeys-lru"), jedis.configGet("maxmemory-policy"));
        // Files go to a temporary directory, never the project's folder.
        String dir = jedis.configGet("dir").get("dir");
        assertTrue(dir.contains("pyredis-test-"), dir);
    }

    @Test
    @Order(4)
    void flushAllByHand(PyRedisServerHandle redis, Jedis jedis) {
        jedis.set("a", "1");
        redis.flushAll();
        assertFalse(jedis.exists("a"));
    }

    @Nested
    class Inner {
        @Test
        void sharesTheEnclosingServer(@PyRedisPort int port) {
            assertEquals(firstPort, port);
        }
    }
}
