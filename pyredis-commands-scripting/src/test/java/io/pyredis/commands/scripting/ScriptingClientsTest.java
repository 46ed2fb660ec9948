package io.pyredis.commands.scripting;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts as real libraries send them, in a real server: Jedis (RESP2) and Lettuce (RESP3). */
class ScriptingClientsTest {

    /** A fixed-window rate limiter, as such libraries write it. */
    static final String RATE_LIMIT = "local n = redis.call('incr', KEYS[1])\n"
            + "if n == 1 then redis.call('pexpire', KEYS[1], ARGV[2]) end\n"
            + "if n > tonumber(ARGV[1]) then return 0 end\n"
            + "return 1";
    /** Redlock's release: delete the lock only if it is still ours. */
    static final String UNLOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then\n"
            + "  return redis.call('del', KEYS[1])\nelse\n  return 0\nend";

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * As Redis 7.0's call(): when a script runs a read command, its caller tracks the keys the
     * script declared (unit/tracking's "Tracking only occurs for scripts when a command calls a
     * read-only command"); a script that only writes tracks nothing.
     */
    @Test
    void aTrackingCallerTracksTheKeysItsScriptDeclaredOnceTheScriptReads() throws Exception {
        try (io.pyredis.testkit.RawClient r = new io.pyredis.testkit.RawClient(server.port());
             Jedis w = new Jedis("127.0.0.1", server.port())) {
            r.call("HELLO", "3");
            assertEquals("+OK\r\n", r.call("CLIENT", "TRACKING", "on"));
            assertEquals("_\r\n", r.call("EVAL", "redis.call('set', 'tk3', 'bar')", "2", "tk1", "tk2"));
            w.mset("tk1", "1", "tk2", "1");
            assertEquals("_\r\n", r.call("EVAL", "redis.call('get', 'tk3')", "2", "tk1", "tk2"));
            w.mset("tk2", "2", "tk1", "2");
            assertEquals(">2\r\n$10\r\ninvalidate\r\n*1\r\n$3\r\ntk2\r\n", r.readReply());
            assertEquals(">2\r\n$10\r\ninvalidate\r\n*1\r\n$3\r\ntk1\r\n", r.readReply());
            assertEquals("+PONG\r\n", r.call("PING"), "nothing else was pushed");
        }
    }

    @Test
    void aRunawayScriptThatHasNotWrittenIsStoppedAtBusyReplyThreshold() {
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 30_000)) {
            String before = j.configGet("busy-reply-threshold").get("busy-reply-threshold");
            j.configSet("busy-reply-threshold", "200");
            try {
                redis.clients.jedis.exceptions.JedisDataException e = assertThrows(
                        redis.clients.jedis.exceptions.JedisDataException.class, () -> j.eval("while true do end"));
                assertTrue(e.getMessage().startsWith("ERR Script stopped: it ran past busy-reply-threshold"),
                        e.getMessage());
                assertEquals("PONG", j.ping(), "the server serves again");
                // One that has written runs to its end: stopping it would break its atomicity.
                Object n = j.eval("redis.call('set', KEYS[1], 'x') local t = redis.call('time')[1] + 1 "
                        + "local i = 0 while tonumber(redis.call('time')[1]) <= tonumber(t) do i = i + 1 end return 1",
                        1, "runaway:written");
                assertEquals(1L, n);
                assertEquals("x", j.get("runaway:written"));
            } finally {
                j.configSet("busy-reply-threshold", before);
            }
        }
    }

    @Test
    void jedisRateLimiterAndLock() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            String sha = j.scriptLoad(RATE_LIMIT);
            for (int i = 0; i < 3; i++) {
                assertEquals(1L, j.evalsha(sha, List.of("rl:user"), List.of("3", "60000")));
            }
            assertEquals(0L, j.evalsha(sha, List.of("rl:user"), List.of("3", "60000")));
            assertEquals("4", j.get("rl:user"));
            assertTrue(j.pttl("rl:user") > 0);

            assertEquals("OK", j.set("lock", "token-1", new redis.clients.jedis.params.SetParams().nx().px(30000)));
            assertEquals(0L, j.eval(UNLOCK, List.of("lock"), List.of("token-2")));
            assertEquals("token-1", j.get("lock"));
            assertEquals(1L, j.eval(UNLOCK, List.of("lock"), List.of("token-1")));
            assertNull(j.get("lock"));

            assertEquals(List.of(true, false), j.scriptExists(sha, "0000000000000000000000000000000000000000"));
            assertEquals("OK", j.scriptFlush());
            assertThrows(JedisNoScriptException.class, () -> j.evalsha(sha, List.of("k"), List.of()));
        }
    }

    @Test
    void jedisErrorsAndDatabases() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.set("str", "x");
            JedisDataException e = assertThrows(JedisDataException.class,
                    () -> j.eval("return redis.call('lpush', KEYS[1], 'a')", 1, "str"));
            assertTrue(e.getMessage().startsWith("WRONGTYPE Operation against a key holding the wrong kind of value"
                    + " script: "), e.getMessage());
            assertTrue(e.getMessage().endsWith(", on @user_script:1."), e.getMessage());
            e = assertThrows(JedisDataException.class, () -> j.eval("return 1 +", 0));
            assertTrue(e.getMessage().startsWith("ERR Error compiling script (new function): user_script:1:"));
            e = assertThrows(JedisDataException.class, () -> j.evalReadonly("return redis.call('set','a','b')",
                    List.of(), List.of()));
            assertTrue(e.getMessage().startsWith("ERR Write commands are not allowed from read-only scripts."));
            // SELECT in a script changes the script's database, not the caller's (Redis 7).
            assertEquals("OK", j.eval("redis.call('select', 5) return redis.call('set', 'in5', 'v')", 0));
            assertFalse(j.exists("in5"));
            j.select(5);
            assertEquals("v", j.get("in5"));
            j.select(0);
        }
    }

    @Test
    void infoCountsCachedScripts() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.scriptFlush();
            assertTrue(j.info("memory").contains("number_of_cached_scripts:0\r\n"));
            j.scriptLoad("return 'info test'");
            j.eval("return 'another'", 0);
            String info = j.info("memory");
            assertTrue(info.contains("number_of_cached_scripts:2\r\n"), info);
            assertFalse(info.contains("used_memory_scripts_eval:0\r\n"), info);
            j.scriptFlush();
            info = j.info("memory");
            assertTrue(info.contains("number_of_cached_scripts:0\r\n"), info);
            assertTrue(info.contains("used_memory_scripts_eval:0\r\n"), info);
        }
    }

    @Test
    void lettuceResp3() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> r = c.sync();
            r.hset("h", "f", "v");
            assertEquals(List.of("f", "v"), r.eval("return redis.call('hgetall', KEYS[1])", ScriptOutputType.MULTI,
                    "h"));
            // RESP3 types a script chose with redis.setresp(3) reach a RESP3 client as such.
            assertEquals(Boolean.TRUE, r.eval("redis.setresp(3) return true", ScriptOutputType.BOOLEAN));
            assertEquals(Boolean.FALSE, r.eval("redis.setresp(3) return false", ScriptOutputType.BOOLEAN));
            String sha = r.scriptLoad(UNLOCK);
            r.set("l2", "me");
            assertEquals(1L, (Long) r.evalsha(sha, ScriptOutputType.INTEGER, new String[] {"l2"}, "me"));
            assertEquals("7.0.15", r.eval("return redis.REDIS_VERSION", ScriptOutputType.VALUE));
        } finally {
            client.shutdown();
        }
    }
}
