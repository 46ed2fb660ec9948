package io.pyredis.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.RestoreParams;
import redis.clients.jedis.resps.Tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Against Debian's redis-server 7.0.15 (skipped when not installed): its dump.rdb loads in
 * a PyRedisServer, pyredis's SAVE passes redis-check-rdb and loads in redis-server with the
 * same contents, and DUMP payloads RESTORE both ways. Contents are compared on the Redis
 * side by its own read commands (values RESTOREd back from pyredis's DUMP).
 */
class RdbRedisInteropTest {

    private static final int PORT_A = 8410;
    private static final int PORT_B = 8411;

    @TempDir
    Path redisDir;
    @TempDir
    Path pyDir;
    private final List<Integer> started = new ArrayList<>();

    @BeforeEach
    void needRedis() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")) && Files.isExecutable(Path.of("/usr/bin/redis-check-rdb")),
                "Debian's redis-server is not installed");
    }

    @AfterEach
    void stopRedis() {
        for (int port : started) {
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                j.shutdown();
            } catch (Exception ignored) {
                // already gone
            }
        }
    }

    private Jedis redis(int port, Path dir) throws Exception {
        Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--daemonize", "yes",
                "--logfile", dir.resolve("redis-" + port + ".log").toString()).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        started.add(port);
        for (int i = 0; i < 200; i++) {
            try {
                Jedis j = new Jedis("127.0.0.1", port);
                j.ping();
                return j;
            } catch (Exception notYet) {
                Thread.sleep(25);
            }
        }
        throw new AssertionError("redis-server on " + port + " did not start");
    }

    private static void fill(Jedis r) {
        r.select(0);
        r.set("int", "12345");
        r.set("bigint", "-9223372036854775808");
        r.set("str", "hello");
        r.set("long", "abc".repeat(200));
        r.setex("ttl", 3600, "v");
        r.rpush("list", "a", "1", "-5000", "70000", "3000000000", "x".repeat(100));
        for (int i = 0; i < 2000; i++) {
            r.rpush("biglist", "element-" + i);
        }
        r.hset("hash", Map.of("f1", "v1", "n", "42"));
        for (int i = 0; i < 700; i++) {
            r.hset("bighash", "field" + i, "value" + i);
        }
        r.select(4);
        r.sadd("intset", "1", "-2", "70000", "5000000000");
        r.sadd("set", "a", "b", "c");
        for (int i = 0; i < 600; i++) {
            r.sadd("bigset", "m" + i);
        }
        r.zadd("zset", Map.of("a", 1.0, "b", 2.5, "c", 0.1, "d", Double.NEGATIVE_INFINITY));
        for (int i = 0; i < 300; i++) {
            r.zadd("bigzset", i * 1.25, "member" + i);
        }
        r.expire("bigzset", 7200);
    }

    /** The contents of databases 0 and 4 as Redis's read commands show them. */
    private static Map<String, String> contents(Jedis r) {
        Map<String, String> out = new TreeMap<>();
        for (int db : new int[] {0, 4}) {
            r.select(db);
            for (String k : r.keys("*")) {
                String v;
                switch (r.type(k)) {
                    case "string": v = r.get(k); break;
                    case "list": v = r.lrange(k, 0, -1).toString(); break;
                    case "hash": v = new TreeMap<>(r.hgetAll(k)).toString(); break;
                    case "set": v = new TreeSet<>(r.smembers(k)).toString(); break;
                    case "zset": {
                        StringBuilder sb = new StringBuilder();
                        for (Tuple t : r.zrangeWithScores(k, 0, -1)) {
                            sb.append(t.getElement()).append('@').append(t.getScore()).append(' ');
                        }
                        v = sb.toString();
                        break;
                    }
                    default: v = "?";
                }
                out.put(db + ":" + k, r.type(k) + " " + v + " ttl>0=" + (r.pttl(k) > 0));
            }
        }
        r.select(0);
        return out;
    }

    @Test
    void redisDumpLoadsInPyredisAndPyredisDumpLoadsInRedis() throws Exception {
        Map<String, String> expected;
        try (Jedis a = redis(PORT_A, redisDir)) {
            fill(a);
            expected = contents(a);
            assertEquals("OK", a.save());
        }
        Files.copy(redisDir.resolve("dump.rdb"), pyDir.resolve("dump.rdb"));
        try (PyRedisServer py = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", pyDir.toString()).set("save", "").build().start();
             Jedis p = new Jedis("127.0.0.1", py.port());
             Jedis a = new Jedis("127.0.0.1", PORT_A)) {
            String ks = p.info("keyspace");
            assertTrue(ks.contains("db0:keys=9,expires=1"), ks);
            assertTrue(ks.contains("db4:keys=5,expires=1"), ks);
            // Each value DUMPed by pyredis RESTOREs in Redis as the same value.
            for (int db : new int[] {0, 4}) {
                p.select(db);
                a.select(db);
                for (String k : a.keys("*")) {
                    byte[] payload = p.dump(k);
                    assertNotNull(payload, k);
                    assertEquals("OK", a.restore(k.getBytes(), 0, payload, RestoreParams.restoreParams().replace()), k);
                    if (k.equals("ttl") || k.equals("bigzset")) {
                        a.expire(k, 3600);
                    }
                }
            }
            assertEquals(expected, contents(a), "values DUMPed by pyredis and RESTOREd in Redis");
            // And Redis's DUMP payloads RESTORE in pyredis, which DUMPs them back.
            for (int db : new int[] {0, 4}) {
                p.select(db);
                a.select(db);
                for (String k : a.keys("*")) {
                    long ttl = k.equals("ttl") || k.equals("bigzset") ? 3_600_000 : 0;
                    assertEquals("OK", p.restore(k.getBytes(), ttl, a.dump(k), RestoreParams.restoreParams().replace()), k);
                    assertEquals("OK", a.restore(k.getBytes(), ttl, p.dump(k), RestoreParams.restoreParams().replace()), k);
                }
            }
            assertEquals(expected, contents(a), "values round-tripped through pyredis RESTORE and DUMP");
            p.select(0);
            assertEquals("OK", p.save());
        }
        String check = run("redis-check-rdb", pyDir.resolve("dump.rdb").toString());
        assertTrue(check.contains("RDB looks OK"), check);
        try (Jedis b = redis(PORT_B, pyDir)) {
            assertEquals(expected, contents(b), "pyredis's dump.rdb loaded by redis-server");
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
