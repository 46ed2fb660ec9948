package io.pyredis.commands.sets;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ValueScanCursor;
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

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The set pack in a real server (found on the class path), through Jedis (RESP2) and Lettuce (RESP3). */
class SetsClientsTest {

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
            assertEquals(4, j.sadd("j:a", "1", "2", "3", "x"));
            assertEquals(3, j.sadd("j:b", "2", "3", "4"));
            assertEquals(Set.of("2", "3"), j.sinter("j:a", "j:b"));
            assertEquals(2, j.sintercard("j:a", "j:b"));
            assertEquals(1, j.sintercard(1, "j:a", "j:b"));
            assertEquals(Set.of("1", "2", "3", "4", "x"), j.sunion("j:a", "j:b"));
            assertEquals(Set.of("1", "x"), j.sdiff("j:a", "j:b"));
            assertEquals(2, j.sinterstore("j:d", "j:a", "j:b"));
            assertEquals(Set.of("2", "3"), j.smembers("j:d"));
            assertEquals(List.of(true, false), j.smismember("j:a", "x", "y"));
            assertTrue(j.sismember("j:a", "1"));
            assertEquals(1, j.smove("j:a", "j:b", "x"));
            assertEquals(4, j.scard("j:b"));
            assertEquals(3, j.srandmember("j:a", -3).size());
            assertEquals(3, j.srandmember("j:a", 10).size());
            Set<String> popped = j.spop("j:a", 3);
            assertEquals(Set.of("1", "2", "3"), popped);
            assertEquals(0, j.scard("j:a"));
            assertNull(j.spop("j:a"));
            ScanResult<String> scan = j.sscan("j:b", ScanParams.SCAN_POINTER_START, new ScanParams().match("x"));
            assertEquals("0", scan.getCursor());
            assertEquals(List.of("x"), scan.getResult());
            j.set("j:str", "v");
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.smembers("j:str"));
            assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", e.getMessage());
        }
    }

    @Test
    void lettuceResp3() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisCommands<String, String> c = conn.sync();
            String[] many = new String[1000];
            for (int i = 0; i < many.length; i++) {
                many[i] = "m" + i;
            }
            assertEquals(1000, c.sadd("l:s", many));
            Set<String> members = c.smembers("l:s");
            assertEquals(1000, members.size(), "SMEMBERS is a RESP3 set");
            assertEquals(Set.of(many), members);
            Set<String> scanned = new HashSet<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            int steps = 0;
            do {
                ValueScanCursor<String> step = c.sscan("l:s", cursor, ScanArgs.Builder.limit(100));
                scanned.addAll(step.getValues());
                cursor = step;
                steps++;
            } while (!cursor.isFinished());
            assertEquals(Set.of(many), scanned);
            assertTrue(steps > 1);
            assertEquals(10, c.spop("l:s", 10).size());
            assertEquals(990, c.scard("l:s"));
            assertEquals(5, c.srandmember("l:s", -5).size());
            assertEquals(0, c.sunionstore("l:u", "l:x", "l:y"), "nothing to store");
            c.sadd("l:x", "a", "b");
            c.sadd("l:y", "b", "c");
            assertEquals(Set.of("a", "b", "c"), c.sunion("l:x", "l:y"));
            assertEquals(Set.of("a"), c.sdiff("l:x", "l:y"));
            assertEquals(1, c.sdiffstore("l:d", "l:x", "l:y"));
            assertEquals(2, c.srem("l:x", "a", "b", "zz"));
            assertEquals(0, c.scard("l:x"));
            RedisCommandExecutionException e = assertThrows(RedisCommandExecutionException.class,
                    () -> c.srandmember("l:s", Long.MIN_VALUE));
            assertEquals("ERR value is out of range, value must between -9223372036854775807 and"
                    + " 9223372036854775807", e.getMessage());
            c.set("l:str", "v");
            e = assertThrows(RedisCommandExecutionException.class, () -> c.sadd("l:str", "a"));
            assertTrue(e.getMessage().startsWith("WRONGTYPE"));
        } finally {
            client.shutdown();
        }
    }
}
