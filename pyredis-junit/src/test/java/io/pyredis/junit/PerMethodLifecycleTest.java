package io.pyredis.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fresh server for each test: nothing of a previous test survives, even without FLUSHALL. */
@PyRedisTest(lifecycle = PyRedisTest.Lifecycle.PER_METHOD, flushAfterEach = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerMethodLifecycleTest {

    static PyRedisServerHandle previous;

    @Test
    @Order(1)
    void first(PyRedisServerHandle redis, Jedis jedis) {
        previous = redis;
        jedis.set("k", "v");
        jedis.configSet("maxmemory-policy", "volatile-ttl");
    }

    @Test
    @Order(2)
    void second(PyRedisServerHandle redis, Jedis jedis) {
        assertTrue(previous.server().isClosed(), "the first test's server is stopped");
        assertNull(jedis.get("k"));
        assertEquals("noeviction", jedis.configGet("maxmemory-policy").get("maxmemory-policy"));
    }
}
