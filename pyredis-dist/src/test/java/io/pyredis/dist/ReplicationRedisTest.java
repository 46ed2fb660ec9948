package io.pyredis.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Replication with Debian's redis-server 7.0.15 as the peer: a Redis replica of a pyredis
 * master syncs a dataset of every type (from a disk RDB and from the diskless {@code $EOF:}
 * form), then follows the write stream, writes made during the sync included; a cut link
 * continues with {@code +CONTINUE}; WAIT counts the replica's ACKs; min-replicas-to-write
 * refuses writes. And the other way round: pyredis as a replica of redis-server, synced
 * from either form, following the stream, continuing after a cut link, read-only, promoted
 * by REPLICAOF NO ONE. Equal data is checked with DEBUG DIGEST on both sides.
 */
@Timeout(120)
class ReplicationRedisTest {

    @TempDir
    Path dir;

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private ServerProcess pyredis(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--enable-debug-command", "yes", "--dir", dir.toString(),
                "--repl-diskless-sync-delay", "0"));
        all.addAll(List.of(args));
        return ServerProcess.startModule(dir, all.toArray(new String[0]));
    }

    /** Debian's redis-server as a replica of {@code masterPort}, logging to its stdout (kept by ServerProcess). */
    private ServerProcess redisReplica(int masterPort) throws IOException, InterruptedException {
        assumeTrue(onPath("redis-server"), "Debian's redis-server is not installed");
        int port = Dist.freePort();
        Path rdir = Files.createDirectories(dir.resolve("redis-" + port));
        return ServerProcess.start(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--dir", rdir.toString(), "--enable-debug-command", "yes",
                "--replicaof", "127.0.0.1", String.valueOf(masterPort)), rdir, port);
    }

    /** Debian's redis-server as a master. */
    private ServerProcess redisMaster(String... args) throws IOException, InterruptedException {
        assumeTrue(onPath("redis-server"), "Debian's redis-server is not installed");
        int port = Dist.freePort();
        Path rdir = Files.createDirectories(dir.resolve("redis-" + port));
        List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--save", "", "--dir", rdir.toString(), "--enable-debug-command", "yes",
                "--repl-diskless-sync-delay", "0"));
        cmd.addAll(List.of(args));
        return ServerProcess.start(cmd, rdir, port);
    }

    private static String digest(Jedis j) {
        return new String((byte[]) j.sendCommand(() -> "DEBUG".getBytes(StandardCharsets.US_ASCII),
                "DIGEST"), StandardCharsets.US_ASCII);
    }

    private static String info(Jedis j, String field) {
        for (String line : j.info("replication").split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50); // another process's state: there is nothing to wait on but time
        }
    }

    /** Waits until the replica's data has the master's digest (the stream applied up to now). */
    private static void awaitSameData(Jedis master, Jedis replica) throws InterruptedException {
        String[] last = new String[2];
        try {
            await("the replica's digest to equal the master's", () -> {
                last[0] = digest(master);
                last[1] = digest(replica);
                return last[0].equals(last[1]);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": master " + last[0] + ", replica " + last[1]);
        }
    }

    /** Strings (int, embstr, raw), lists, hashes, sets and sorted sets small and big, keys with a TTL, in two databases. */
    private static void dataset(Jedis j) {
        j.set("int", "12345");
        j.set("str", "hello");
        j.set("raw", "x".repeat(100));
        j.rpush("list", "a", "b", "c");
        for (int i = 0; i < 300; i++) {
            j.rpush("biglist", "element-" + i);
            j.hset("bighash", "f" + i, "v" + i);
            j.sadd("bigset", "m" + i);
            j.sadd("intset-big", String.valueOf(i * 7));
            j.zadd("bigzset", i * 1.5, "z" + i);
        }
        j.hset("hash", "f", "v");
        j.sadd("intset", "1", "2", "3");
        j.sadd("set", "a", "b");
        j.zadd("zset", 1, "one");
        j.setex("ttl", 1000, "v");
        j.pexpire("hash", 500_000);
        j.select(5);
        j.set("db5", "five");
        j.lpush("db5list", "x");
        j.select(0);
    }

    /** 10,000 rounds of writes of several kinds over three databases, started now on a thread of their own. */
    private static Thread writes(int port, AtomicReference<Throwable> failed) {
        Thread t = new Thread(() -> {
            try (Jedis w = new Jedis("127.0.0.1", port, 10_000)) {
                for (int i = 0; i < 10_000; i++) {
                    w.select(i % 3);
                    w.set("w" + i, "v" + i);
                    w.incr("counter");
                    w.hincrBy("wh", "f" + (i % 50), 1);
                    if (i % 10 == 0) {
                        w.del("w" + (i - 5));
                        w.lpush("wl", String.valueOf(i));
                        w.zadd("wz", i, "m" + (i % 70));
                    }
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        t.start();
        return t;
    }

    @ParameterizedTest(name = "diskless {0}")
    @ValueSource(strings = {"no", "yes"})
    void redisReplicaSyncsTheDatasetAndTheWritesDuringAndAfterTheSync(String diskless) throws Exception {
        try (ServerProcess m = pyredis("--repl-diskless-sync", diskless); Jedis mj = new Jedis("127.0.0.1", m.port(), 10_000)) {
            dataset(mj);
            mj.sendCommand(() -> "DEBUG".getBytes(StandardCharsets.US_ASCII), "POPULATE", "20000", "pop", "50");
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = writes(m.port(), failed); // while the replica connects and syncs
            try (ServerProcess r = redisReplica(m.port()); Jedis rj = new Jedis("127.0.0.1", r.port(), 10_000)) {
                writer.join();
                assertNull(failed.get());
                awaitSameData(mj, rj);
                assertEquals(mj.dbSize(), rj.dbSize());
                assertTrue(rj.dbSize() > 20_000);
                rj.select(5);
                assertEquals("five", rj.get("db5"));
                assertEquals("up", info(rj, "master_link_status"));
                assertEquals(diskless.equals("yes") ? 1 : 0,
                        r.linesWith("receiving streamed RDB from master with EOF").size());
                assertFalse(r.linesWith("Full resync from master: " + info(mj, "master_replid") + ":").isEmpty());
                // After the sync: more of every kind, expiries as DELs.
                mj.psetex("short", 100, "v");
                mj.hset("hash", "g", "w");
                mj.zincrby("bigzset", 3, "z3");
                Thread.sleep(300);
                mj.get("short"); // expired: the master's DEL reaches the replica
                awaitSameData(mj, rj);
                assertFalse(rj.exists("short"));
                String slave0 = info(mj, "slave0");
                assertTrue(slave0.matches("ip=127\\.0\\.0\\.1,port=" + r.port() + ",state=online,offset=\\d+,lag=\\d+"),
                        slave0);
            }
        }
    }

    @Test
    void aCutLinkContinuesFromTheBacklog() throws Exception {
        try (ServerProcess m = pyredis(); Jedis mj = new Jedis("127.0.0.1", m.port(), 10_000)) {
            dataset(mj);
            try (ServerProcess r = redisReplica(m.port()); Jedis rj = new Jedis("127.0.0.1", r.port(), 10_000)) {
                awaitSameData(mj, rj);
                String id = info(mj, "master_replid");
                mj.sendCommand(() -> "CLIENT".getBytes(StandardCharsets.US_ASCII), "KILL", "TYPE", "replica");
                for (int i = 0; i < 1000; i++) {
                    mj.incr("after-the-cut");
                }
                awaitSameData(mj, rj);
                await("the replica's partial resync", () -> !r.linesWith("Successful partial resynchronization").isEmpty());
                assertFalse(r.linesWith("Trying a partial resynchronization (request " + id + ":").isEmpty());
                assertEquals("1", mj.info("stats").lines().filter(l -> l.startsWith("sync_partial_ok:"))
                        .findFirst().orElseThrow().split(":")[1].trim());
                assertEquals("1000", rj.get("after-the-cut"));
            }
        }
    }

    @Test
    void waitCountsTheReplicasThatAckedAndMinReplicasRefusesWrites() throws Exception {
        try (ServerProcess m = pyredis(); Jedis mj = new Jedis("127.0.0.1", m.port(), 10_000)) {
            assertEquals(0, mj.waitReplicas(1, 100));
            try (ServerProcess r = redisReplica(m.port()); Jedis rj = new Jedis("127.0.0.1", r.port(), 10_000)) {
                await("the replica online", () -> "up".equals(info(rj, "master_link_status")));
                mj.set("k", "v");
                assertEquals(1, mj.waitReplicas(1, 5000));
                assertEquals("v", rj.get("k"));
                long t0 = System.nanoTime();
                assertEquals(1, mj.waitReplicas(2, 300));
                assertTrue(System.nanoTime() - t0 >= 250_000_000L, "WAIT 2 300 waited its timeout");

                List<Object> role = mj.role();
                assertEquals("master", role.get(0) instanceof byte[] b ? new String(b, StandardCharsets.US_ASCII) : role.get(0));
                assertEquals(1, ((List<?>) role.get(2)).size());

                mj.configSet("min-replicas-to-write", "2");
                JedisDataException e = assertThrows(JedisDataException.class, () -> mj.set("k", "w"));
                assertEquals("NOREPLICAS Not enough good replicas to write.", e.getMessage());
                assertEquals("v", mj.get("k"), "reads still work");
                mj.configSet("min-replicas-to-write", "1");
                assertEquals("OK", mj.set("k", "w"));
            }
            // The replica gone: the write is refused, its connection's end noticed.
            await("the replica gone", () -> "0".equals(info(mj, "connected_slaves")));
            assertThrows(JedisDataException.class, () -> mj.set("k", "x"));
        }
    }

    @ParameterizedTest(name = "diskless {0}")
    @ValueSource(strings = {"no", "yes"})
    void pyredisReplicaOfRedisSyncsFollowsContinuesAndIsPromoted(String diskless) throws Exception {
        try (ServerProcess m = redisMaster("--repl-diskless-sync", diskless); Jedis mj = new Jedis("127.0.0.1", m.port(), 10_000)) {
            dataset(mj);
            mj.sendCommand(() -> "DEBUG".getBytes(StandardCharsets.US_ASCII), "POPULATE", "20000", "pop", "50");
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = writes(m.port(), failed); // while the replica connects and syncs
            try (ServerProcess r = pyredis("--replicaof", "127.0.0.1 " + m.port());
                 Jedis rj = new Jedis("127.0.0.1", r.port(), 10_000)) {
                writer.join();
                assertNull(failed.get());
                awaitSameData(mj, rj);
                assertTrue(rj.dbSize() > 20_000);
                assertEquals(diskless.equals("yes") ? 1 : 0,
                        r.linesWith("receiving streamed RDB from master with EOF").size());
                assertEquals("up", info(rj, "master_link_status"));
                assertEquals("slave", info(rj, "role"));
                assertEquals(info(mj, "master_replid"), info(rj, "master_replid"));
                await("the replica's ACK of the whole stream", () -> mj.waitReplicas(1, 1000) == 1);

                JedisDataException ro = assertThrows(JedisDataException.class, () -> rj.set("k", "v"));
                assertEquals("READONLY You can't write against a read only replica.", ro.getMessage());
                List<Object> role = rj.role();
                assertEquals("slave", String.valueOf(role.get(0) instanceof byte[] b ? new String(b) : role.get(0)));
                assertEquals((long) m.port(), role.get(2));

                // The link cut by the master: the replica continues from the backlog.
                String id = info(mj, "master_replid");
                mj.sendCommand(() -> "CLIENT".getBytes(StandardCharsets.US_ASCII), "KILL", "TYPE", "replica");
                for (int i = 0; i < 1000; i++) {
                    mj.incr("after-the-cut");
                }
                awaitSameData(mj, rj);
                assertFalse(r.linesWith("Trying a partial resynchronization (request " + id + ":").isEmpty());
                assertFalse(r.linesWith("Successful partial resynchronization with master.").isEmpty());
                assertFalse(m.linesWith("Partial resynchronization request from").isEmpty());
                assertEquals("1000", rj.get("after-the-cut"));

                // Promoted: writable, the master's id kept as replid2 up to the offset it processed.
                String offset = info(rj, "slave_repl_offset");
                assertEquals("OK", rj.replicaofNoOne());
                assertEquals("master", info(rj, "role"));
                assertEquals(id, info(rj, "master_replid2"));
                assertEquals(String.valueOf(Long.parseLong(offset) + 1), info(rj, "second_repl_offset"));
                assertEquals("OK", rj.set("k", "v"));
            }
        }
    }
}
