package io.pyredis.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The append-only file with the real server process: every type, Redis 7.0.15 both ways, kill -9. */
@Timeout(180)
class AofDistTest {

    private static final int REDIS_PORT = 9150;

    @TempDir
    Path dir;

    private ServerProcess pyredis(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--appendonly", "yes", "--dir", dir.toString()));
        args.addAll(List.of(extra));
        return ServerProcess.startModule(dir, args.toArray(new String[0]));
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void writeAllTypes(Jedis j) {
        j.set("s", "v");
        j.set("big", "x".repeat(10_000));
        j.incr("n");
        j.rpush("l", "1", "2", "3");
        for (int i = 0; i < 300; i++) {
            j.rpush("biglist", "item" + i);
            j.hset("bighash", "f" + i, "v" + i);
            j.sadd("bigset", "m" + i);
            j.zadd("bigzset", i, "z" + i);
        }
        j.hset("h", Map.of("f1", "v1", "f2", "v2"));
        j.sadd("set", "a", "b", "c");
        j.sadd("iset", "1", "2");
        j.zadd("z", 1.5, "m1");
        j.zadd("z", 2, "m2");
        j.select(3);
        j.set("d3", "three");
        j.select(0);
    }

    private static void assertAllTypes(Jedis j) {
        assertEquals("v", j.get("s"));
        assertEquals("x".repeat(10_000), j.get("big"));
        assertEquals("1", j.get("n"));
        assertEquals(List.of("1", "2", "3"), j.lrange("l", 0, -1));
        assertEquals(300, j.llen("biglist"));
        assertEquals("item299", j.lindex("biglist", -1));
        assertEquals(300, j.hlen("bighash"));
        assertEquals("v7", j.hget("bighash", "f7"));
        assertEquals(300, j.scard("bigset"));
        assertEquals(299.0, j.zscore("bigzset", "z299"));
        assertEquals(Map.of("f1", "v1", "f2", "v2"), j.hgetAll("h"));
        assertEquals(Set.of("a", "b", "c"), j.smembers("set"));
        assertEquals(Set.of("1", "2"), j.smembers("iset"));
        assertEquals(List.of("m1", "m2"), j.zrange("z", 0, -1));
        assertEquals(1.5, j.zscore("z", "m1"));
        j.select(3);
        assertEquals("three", j.get("d3"));
        j.select(0);
    }

    @Test
    void everyTypeSurvivesRestartRewriteAndRedis700ReadsOurFilesAndBack() throws Exception {
        try (ServerProcess s = pyredis(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            writeAllTypes(j);
        }
        try (ServerProcess s = pyredis(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertAllTypes(j);
            assertEquals("Background append only file rewriting started", j.bgrewriteaof());
            j.set("after-rewrite", "1");
        }
        try (ServerProcess s = pyredis(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertAllTypes(j);
            assertEquals("1", j.get("after-rewrite"));
            j.set("incr-only", "2"); // in the incr file, after the base
        }
        assumeTrue(onPath("redis-server") && onPath("redis-check-aof"), "Debian's redis-server is not installed");
        Path manifest = dir.resolve("appendonlydir/appendonly.aof.manifest");
        Process check = new ProcessBuilder("redis-check-aof", manifest.toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), out);
        assertTrue(out.contains("is valid"), out);

        Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(REDIS_PORT), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "yes", "--dir", dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        try {
            Jedis j = awaitRedis();
            assertAllTypes(j);
            assertEquals("1", j.get("after-rewrite"));
            assertEquals("2", j.get("incr-only"));
            j.set("written-by-redis", "3");
            j.rpush("l", "4");
            j.shutdown();
        } finally {
            redis.destroy();
            redis.waitFor();
        }
        try (ServerProcess s = pyredis(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("3", j.get("written-by-redis"));
            assertEquals(List.of("1", "2", "3", "4"), j.lrange("l", 0, -1));
            assertEquals("2", j.get("incr-only"));
        }
    }

    private static void awaitRewrite(Jedis j) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!j.info("persistence").contains("aof_rewrite_in_progress:0")) {
            assertTrue(System.nanoTime() < deadline, "rewrite still running after 60 s");
            Thread.onSpinWait();
        }
    }

    @Test
    void withoutTheRdbPreambleTheBaseIsCommandsThatRedisLoadsToo() throws Exception {
        try (ServerProcess s = pyredis("--aof-use-rdb-preamble", "no"); Jedis j = new Jedis("127.0.0.1", s.port())) {
            writeAllTypes(j);
            j.pexpireAt("s", System.currentTimeMillis() + 3_600_000);
            for (int i = 0; i < 100; i++) {
                j.set("overwritten", "w" + i);
            }
            assertEquals("Background append only file rewriting started", j.bgrewriteaof());
            j.set("during-rewrite", "1");
            awaitRewrite(j);
            assertEquals("ok", j.info("persistence").lines().filter(l -> l.startsWith("aof_last_bgrewrite_status"))
                    .findFirst().orElseThrow().split(":")[1].trim());
        }
        Path aofDir = dir.resolve("appendonlydir");
        assertEquals("file appendonly.aof.2.base.aof seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
                java.nio.file.Files.readString(aofDir.resolve("appendonly.aof.manifest")));
        String base = java.nio.file.Files.readString(aofDir.resolve("appendonly.aof.2.base.aof"), StandardCharsets.ISO_8859_1);
        assertTrue(base.startsWith("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"), base.substring(0, 40));
        assertTrue(base.contains("$9\r\nPEXPIREAT\r\n$1\r\ns\r\n"), "the deadline follows the key");
        assertFalse(base.contains("w98"), "the base holds the last value only");
        // A list of 300 is written 64 items a command, as Redis does.
        assertEquals(5, base.split("\\$5\r\nRPUSH\r\n\\$7\r\nbiglist\r\n", -1).length - 1);
        try (ServerProcess s = pyredis(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertAllTypes(j);
            assertEquals("w99", j.get("overwritten"));
            assertEquals("1", j.get("during-rewrite"));
            assertTrue(j.ttl("s") > 3500);
        }
        assumeTrue(onPath("redis-server") && onPath("redis-check-aof"), "Debian's redis-server is not installed");
        Process check = new ProcessBuilder("redis-check-aof", aofDir.resolve("appendonly.aof.manifest").toString())
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), out);
        Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(REDIS_PORT), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "yes", "--dir", dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        try {
            Jedis j = awaitRedis();
            assertAllTypes(j);
            assertEquals("1", j.get("during-rewrite"));
            assertTrue(j.ttl("s") > 3500);
            j.shutdown();
        } finally {
            redis.destroy();
            redis.waitFor();
        }
    }

    private static Jedis awaitRedis() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                Jedis j = new Jedis("127.0.0.1", REDIS_PORT);
                j.ping();
                return j;
            } catch (RuntimeException notYet) {
                Thread.sleep(100); // polling a port: there is no event to wait on
            }
        }
        throw new AssertionError("redis-server did not start");
    }

    @Test
    void killMinus9WithAlwaysLosesNoAcknowledgedWrite() throws Exception {
        int threads = 4;
        AtomicLongArray acked = new AtomicLongArray(threads);
        try (ServerProcess s = pyredis("--appendfsync", "always")) {
            load(s, threads, acked, null, 1500);
        }
        try (ServerProcess s = pyredis(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            for (int t = 0; t < threads; t++) {
                long stored = Long.parseLong(j.get("counter:" + t));
                assertTrue(acked.get(t) > 0);
                // Every acknowledged INCR is there; at most the one in flight at the kill more.
                assertTrue(stored == acked.get(t) || stored == acked.get(t) + 1, stored + " vs acked " + acked.get(t));
            }
        }
    }

    @Test
    void killMinus9WithEverysecLosesAtMostTheLastTwoSeconds() throws Exception {
        int threads = 4;
        AtomicLongArray acked = new AtomicLongArray(threads);
        AtomicLongArray ackedTwoSecondsBefore = new AtomicLongArray(threads);
        try (ServerProcess s = pyredis("--appendfsync", "everysec")) {
            load(s, threads, acked, ackedTwoSecondsBefore, 4000);
        }
        try (ServerProcess s = pyredis(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            for (int t = 0; t < threads; t++) {
                long stored = Long.parseLong(j.get("counter:" + t));
                assertTrue(ackedTwoSecondsBefore.get(t) > 0);
                assertTrue(stored >= ackedTwoSecondsBefore.get(t), stored + " vs " + ackedTwoSecondsBefore.get(t));
                assertTrue(stored <= acked.get(t) + 1);
            }
        }
    }

    /**
     * INCRs per-thread counters for {@code millis}, then kills the server (kill -9); {@code acked} gets each thread's last
     * acknowledged value, {@code early} (if given) the last one acknowledged 2 s before the end.
     */
    private static void load(ServerProcess s, int threads, AtomicLongArray acked, AtomicLongArray early, long millis)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        long end = System.nanoTime() + millis * 1_000_000L;
        long earlyMark = end - 2_100_000_000L;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try (Jedis j = new Jedis("127.0.0.1", s.port())) {
                    while (!stop.get()) {
                        long v = j.incr("counter:" + id);
                        acked.set(id, v);
                        if (early != null && System.nanoTime() < earlyMark) {
                            early.set(id, v);
                        }
                    }
                } catch (RuntimeException killed) {
                    // the server was killed under us
                }
            });
            th.start();
            ts.add(th);
        }
        while (System.nanoTime() < end) {
            Thread.sleep(50); // the load runs for a wall-clock period by design
        }
        s.kill(); // while the threads still write
        stop.set(true);
        for (Thread th : ts) {
            th.join();
        }
    }
}
