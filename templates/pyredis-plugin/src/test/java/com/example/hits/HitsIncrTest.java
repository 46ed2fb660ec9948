package com.example.hits;

import io.pyredis.junit.PyRedisServerHandle;
import io.pyredis.junit.PyRedisTest;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * HITS.INCR through a real client against a real pyredis server: the extension starts one
 * for this class (with every pack on the class path: this plugin's and Redis's own), and
 * empties it after each test.
 */
@PyRedisTest
class HitsIncrTest {

    /** HITS.INCR is not a Jedis command: this is how a client sends a plugin's command. */
    private static final ProtocolCommand HITS_INCR = () -> "HITS.INCR".getBytes(StandardCharsets.US_ASCII);

    private static long incr(Jedis jedis, String... args) {
        return (Long) jedis.sendCommand(HITS_INCR, args);
    }

    @Test
    void countsFromZero(Jedis jedis) {
        assertEquals(1, incr(jedis, "page:/"));
        assertEquals(2, incr(jedis, "page:/"));
        assertEquals(12, incr(jedis, "page:/", "BY", "10"));
        assertEquals("hits-cntr", jedis.type("page:/"));
    }

    @Test
    void errorsAsRedis(Jedis jedis) {
        jedis.set("s", "a string");
        assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value",
                assertThrows(JedisDataException.class, () -> incr(jedis, "s")).getMessage());
        assertEquals("ERR value is not an integer or out of range",
                assertThrows(JedisDataException.class, () -> incr(jedis, "k", "BY", "ten")).getMessage());
        assertEquals("ERR syntax error",
                assertThrows(JedisDataException.class, () -> incr(jedis, "k", "BY")).getMessage());
        incr(jedis, "k", "BY", String.valueOf(Long.MAX_VALUE));
        assertEquals("ERR increment or decrement would overflow",
                assertThrows(JedisDataException.class, () -> incr(jedis, "k")).getMessage());
    }

    @Test
    void survivesDumpAndRestore(Jedis jedis) {
        incr(jedis, "k", "BY", "41");
        byte[] dump = jedis.dump("k");
        jedis.restore("copy", 0, dump);
        assertEquals(42, incr(jedis, "copy"));
    }

    @Test
    void expiresOnTheVirtualClock(Jedis jedis, PyRedisServerHandle redis) {
        incr(jedis, "daily");
        jedis.expire("daily", 86_400);
        redis.clock().advance(Duration.ofDays(1).plusMillis(1));
        assertEquals("none", jedis.type("daily"));
    }

    @Test
    void documented(Jedis jedis) {
        // COMMAND DOCS shows the metadata of the command's CommandSpec, and the pack as its module.
        assertEquals("Increments a hit counter by one or by the given amount.",
                jedis.commandDocs("hits.incr").get("hits.incr").getSummary());
    }
}
