package io.pyredis.commands.keys;

import io.pyredis.testkit.Harness;

import io.lettuce.core.CopyArgs;
import io.lettuce.core.ExpireArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
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
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pack in a real PyRedisServer (found by ServiceLoader), through Jedis (RESP2) and Lettuce (RESP3). */
class KeysIntegrationTest {

    static final ManualClock CLOCK = new ManualClock(Harness.START);
    static PyRedisServer server;
    static RedisClient lettuceClient;
    static StatefulRedisConnection<String, String> lettuceConnection;
    static RedisCommands<String, String> lettuce;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").clock(CLOCK).build().start();
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
    void empty() {
        try (Jedis j = jedis()) {
            for (int db = 0; db < 16; db++) {
                j.select(db);
                for (String k : j.keys("*")) {
                    j.del(k);
                }
            }
        }
    }

    private static Jedis jedis() {
        return new Jedis("127.0.0.1", server.port());
    }

    @Test
    void jedisDelExistsTypeKeys() {
        try (Jedis j = jedis()) {
            j.set("a", "1");
            j.set("b", "2");
            assertEquals(2L, j.exists("a", "a", "c"));
            assertTrue(j.exists("a"));
            assertEquals("string", j.type("a"));
            assertEquals("none", j.type("c"));
            assertEquals(Set.of("a", "b"), j.keys("*"));
            assertEquals(Set.of("b"), j.keys("[b-z]"));
            assertEquals(2L, j.touch("a", "b"));
            assertEquals(1L, j.del("a", "c"));
            assertEquals(1L, j.unlink("b"));
            assertNull(j.randomKey());
        }
    }

    @Test
    void jedisExpiryWithTheServersClock() {
        try (Jedis j = jedis()) {
            long now = CLOCK.millis();
            j.set("t", "v");
            assertEquals(1L, j.expire("t", 10));
            assertEquals(10L, j.ttl("t"));
            assertEquals(10_000L, j.pttl("t"));
            assertEquals((now + 10_000 + 500) / 1000, j.expireTime("t"));
            assertEquals(now + 10_000, j.pexpireTime("t"));
            CLOCK.advance(9_000);
            assertEquals(1L, j.ttl("t"));
            CLOCK.advance(1_001);
            assertNull(j.get("t"));
            assertEquals(-2L, j.ttl("t"));
            assertFalse(j.exists("t"));

            j.set("p", "v");
            j.expire("p", 100);
            assertEquals(1L, j.persist("p"));
            assertEquals(-1L, j.ttl("p"));
            assertEquals(1L, j.expire("p", -1));
            assertFalse(j.exists("p"));

            j.set("q", "v");
            JedisDataException e = assertThrows(JedisDataException.class,
                    () -> j.sendCommand(redis.clients.jedis.Protocol.Command.EXPIRE, "q", "9223372036854775807"));
            assertEquals("ERR invalid expire time in 'expire' command", e.getMessage());
            e = assertThrows(JedisDataException.class,
                    () -> j.sendCommand(redis.clients.jedis.Protocol.Command.EXPIRE, "q", "10", "GT", "LT"));
            assertEquals("ERR GT and LT options at the same time are not compatible", e.getMessage());
        }
    }

    @Test
    void jedisRenameCopyMoveSwapdb() {
        try (Jedis j = jedis()) {
            j.set("a", "1");
            j.pexpire("a", 5_000);
            assertEquals("OK", j.rename("a", "b"));
            assertEquals(5_000L, j.pttl("b"));
            assertEquals("ERR no such key",
                    assertThrows(JedisDataException.class, () -> j.rename("a", "c")).getMessage());
            assertEquals(0L, j.renamenx("b", "b"));
            assertTrue(j.copy("b", "c", false));
            assertEquals("1", j.get("c"));
            assertEquals("ERR source and destination objects are the same",
                    assertThrows(JedisDataException.class, () -> j.copy("c", "c", true)).getMessage());
            assertEquals(1L, j.move("c", 2));
            assertEquals("ERR DB index is out of range",
                    assertThrows(JedisDataException.class, () -> j.move("b", 16)).getMessage());
            assertEquals("OK", j.swapDB(0, 2));
            assertEquals("1", j.get("c"), "db 0 now holds what db 2 held");
            assertNull(j.get("b"));
            j.select(2);
            assertEquals("1", j.get("b"));
            assertEquals("ERR invalid first DB index", assertThrows(JedisDataException.class,
                    () -> j.sendCommand(redis.clients.jedis.Protocol.Command.SWAPDB, "x", "0")).getMessage());
        }
    }

    @Test
    void jedisScanWholeIteration() {
        try (Jedis j = jedis()) {
            for (int i = 0; i < 300; i++) {
                j.set("user:" + i, "v");
                j.set("item:" + i, "v");
            }
            Set<String> seen = new HashSet<>();
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams params = new ScanParams().match("user:*").count(25);
            do {
                ScanResult<String> r = j.scan(cursor, params);
                seen.addAll(r.getResult());
                cursor = r.getCursor();
            } while (!cursor.equals("0"));
            assertEquals(300, seen.size());
            assertTrue(seen.stream().allMatch(k -> k.startsWith("user:")));
            assertEquals("ERR invalid cursor",
                    assertThrows(JedisDataException.class, () -> j.scan("abc")).getMessage());
        }
    }

    @Test
    void jedisObject() {
        try (Jedis j = jedis()) {
            j.set("n", "42");
            j.set("s", "hello");
            assertEquals("int", j.objectEncoding("n"));
            assertEquals("embstr", j.objectEncoding("s"));
            assertEquals((long) Integer.MAX_VALUE, j.objectRefcount("n"));
            CLOCK.advance(12_000);
            assertEquals(12L, j.objectIdletime("s"));
            assertNull(j.objectEncoding("missing"));
            assertTrue(assertThrows(JedisDataException.class, () -> j.objectFreq("s")).getMessage()
                    .startsWith("ERR An LFU maxmemory policy is not selected"));
            List<String> help = j.objectHelp();
            assertEquals(15, help.size());
            JedisDataException e = assertThrows(JedisDataException.class,
                    () -> j.sendCommand(redis.clients.jedis.Protocol.Command.OBJECT, "foo", "n"));
            assertEquals("ERR unknown subcommand 'foo'. Try OBJECT HELP.", e.getMessage());
        }
    }

    @Test
    void lettuceOverResp3() {
        lettuce.set("x", "1");
        assertEquals(Boolean.TRUE, lettuce.expire("x", 100, ExpireArgs.Builder.nx()));
        assertEquals(Boolean.FALSE, lettuce.expire("x", 100, ExpireArgs.Builder.nx()));
        assertEquals(Boolean.TRUE, lettuce.expire("x", 200, ExpireArgs.Builder.gt()));
        assertEquals(200L, lettuce.ttl("x"));
        RedisCommandExecutionException e = assertThrows(RedisCommandExecutionException.class,
                () -> lettuce.rename("nokey", "other"));
        assertEquals("ERR no such key", e.getMessage());
        assertEquals(Boolean.TRUE, lettuce.copy("x", "y", CopyArgs.Builder.destinationDb(3).replace(true)));
        assertEquals(1L, lettuce.exists("x", "nokey"));
        assertEquals("none", lettuce.type("y"), "copied to db 3");
        assertEquals("string", lettuce.type("x"));
        assertNull(lettuce.objectEncoding("nokey"), "RESP3 null");
        assertEquals("x", lettuce.randomkey());
        Set<String> seen = new HashSet<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> r = lettuce.scan(cursor, ScanArgs.Builder.limit(1).match("*"));
            seen.addAll(r.getKeys());
            cursor = r;
        } while (!cursor.isFinished());
        assertEquals(Set.of("x"), seen);
        assertEquals(List.of("x"), lettuce.keys("?"));
        assertEquals("OK", lettuce.rename("x", "z"));
        assertEquals(200L, lettuce.ttl("z"));
        assertEquals(Boolean.TRUE, lettuce.persist("z"));
        assertEquals(-1L, lettuce.ttl("z"));
        assertEquals(1L, lettuce.del("z"));
    }
}
