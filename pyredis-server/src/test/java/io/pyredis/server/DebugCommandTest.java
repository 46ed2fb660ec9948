package io.pyredis.server;

import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DEBUG over a real socket: the enable-debug-command gate and the subcommands whose effect
 * is more than a reply (the replies themselves are compared with Redis's in pyredis-dist's
 * EncodingsAndDebugRedisTest).
 */
class DebugCommandTest {

    private static final String REFUSED = "ERR DEBUG command not allowed. If the enable-debug-command option is set "
            + "to \"local\", you can run it from a local connection, otherwise you need to set this option in the "
            + "configuration file, and then restart the server.";

    @TempDir
    Path dir;

    private PyRedisServer start(String... extra) {
        PyRedisServer.Builder b = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "").set("enable-debug-command", "yes");
        for (int i = 0; i < extra.length; i += 2) {
            b.set(extra[i], extra[i + 1]);
        }
        return b.build().start();
    }

    private static Object debug(Jedis j, String... args) {
        return j.sendCommand(() -> "DEBUG".getBytes(), args);
    }

    private static String str(Object reply) {
        return reply instanceof byte[] b ? new String(b) : String.valueOf(reply);
    }

    @Test
    void refusedUnlessEnabledImmutableAndAfterTheArityCheck() throws Exception {
        try (PyRedisServer s = start("enable-debug-command", "no"); RawClient c = new RawClient(s.port())) {
            assertEquals("-" + REFUSED + "\r\n", c.call("DEBUG", "DIGEST"));
            assertEquals("-ERR wrong number of arguments for 'debug' command\r\n", c.call("DEBUG"),
                    "arity is checked first, as processCommand");
            assertEquals("*2\r\n$20\r\nenable-debug-command\r\n$2\r\nno\r\n",
                    c.call("CONFIG", "GET", "enable-debug-command"));
            assertEquals("-ERR CONFIG SET failed (possibly related to argument 'enable-debug-command') - can't set "
                    + "immutable config\r\n", c.call("CONFIG", "SET", "enable-debug-command", "yes"));
            assertEquals("+OK\r\n", c.call("MULTI"));
            assertEquals("-" + REFUSED + "\r\n", c.call("DEBUG", "DIGEST"), "refused, not queued");
            assertEquals("-EXECABORT Transaction discarded because of previous errors.\r\n", c.call("EXEC"));
        }
        try (PyRedisServer s = start("enable-debug-command", "local"); RawClient c = new RawClient(s.port())) {
            assertEquals("+0000000000000000000000000000000000000000\r\n", c.call("DEBUG", "DIGEST"),
                    "a loopback client may");
        }
    }

    @Test
    void localRefusesAClientFromAnotherAddress() throws Exception {
        InetAddress other = null;
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && ni.isUp()) {
                    other = a;
                }
            }
        }
        assumeTrue(other != null, "no non-loopback address to connect from");
        try (PyRedisServer s = start("enable-debug-command", "local", "bind", other.getHostAddress(),
                "protected-mode", "no"); Jedis j = new Jedis(other.getHostAddress(), s.port())) {
            assertEquals(REFUSED, assertThrows(JedisDataException.class, () -> debug(j, "DIGEST")).getMessage());
        }
    }

    @Test
    void setActiveExpireStopsAndRestartsTheActiveCycle() throws Exception {
        try (PyRedisServer s = start("hz", "100"); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("OK", str(debug(j, "SET-ACTIVE-EXPIRE", "0")));
            for (int i = 0; i < 20; i++) {
                j.psetex("k" + i, 1, "v");
            }
            Thread.sleep(300);
            assertEquals(20, j.dbSize(), "nothing reclaims the expired keys but an access");
            assertEquals("OK", str(debug(j, "SET-ACTIVE-EXPIRE", "1")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (j.dbSize() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, j.dbSize(), "the active cycle runs again");
        }
    }

    @Test
    void pauseCronStopsTheCron() throws Exception {
        try (PyRedisServer s = start("hz", "100"); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("OK", str(debug(j, "PAUSE-CRON", "1")));
            j.psetex("k", 1, "v");
            Thread.sleep(300);
            assertEquals(1, j.dbSize(), "no active expiry without the cron");
            assertEquals("OK", str(debug(j, "PAUSE-CRON", "0")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (j.dbSize() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, j.dbSize());
        }
    }

    @Test
    void sleepBlocksTheWholeServer() throws Exception {
        try (PyRedisServer s = start(); Jedis a = new Jedis("127.0.0.1", s.port());
             Jedis b = new Jedis("127.0.0.1", s.port())) {
            b.ping();
            CompletableFuture<Object> sleeping = CompletableFuture.supplyAsync(() -> debug(a, "SLEEP", "0.5"));
            Thread.sleep(100);
            long t0 = System.nanoTime();
            assertEquals("PONG", b.ping());
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(waited >= 250, "another client waits for the sleep to end (" + waited + " ms)");
            assertEquals("OK", str(sleeping.get(5, TimeUnit.SECONDS)));
        }
    }

    @Test
    void reloadSavesFlushesAndLoadsWithItsOptions() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
            j.set("t", "x", redis.clients.jedis.params.SetParams.setParams().ex(1000));
            String digest = str(debug(j, "DIGEST"));
            assertEquals("OK", str(debug(j, "RELOAD")));
            assertTrue(Files.exists(dir.resolve("dump.rdb")), "saved first");
            assertEquals(digest, str(debug(j, "DIGEST")), "the same data back, expiry included");
            j.set("a", "changed");
            j.set("b", "new");
            assertEquals("OK", str(debug(j, "RELOAD", "NOSAVE")));
            assertEquals("1", j.get("a"), "the file's data, not the changes since");
            assertEquals(null, j.get("b"), "flushed before loading");
            j.set("a", "changed");
            j.set("b", "new");
            assertEquals("OK", str(debug(j, "RELOAD", "NOSAVE", "NOFLUSH", "MERGE")));
            assertEquals("1", j.get("a"), "the file's keys win with MERGE");
            assertEquals("new", j.get("b"), "the others stay");
            assertEquals("ERR Error trying to load the RDB dump",
                    assertThrows(JedisDataException.class, () -> debug(j, "RELOAD", "NOSAVE", "NOFLUSH")).getMessage(),
                    "a key in both without MERGE");
            assertEquals("ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.",
                    assertThrows(JedisDataException.class, () -> debug(j, "RELOAD", "FAST")).getMessage());
            Files.delete(dir.resolve("dump.rdb"));
            assertEquals("ERR Error trying to load the RDB dump",
                    assertThrows(JedisDataException.class, () -> debug(j, "RELOAD", "NOSAVE")).getMessage());
        }
    }

    @Test
    void loadaofReloadsTheAppendOnlyFileAndPopulateIsNotPropagated() throws Exception {
        try (PyRedisServer s = start("appendonly", "yes"); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
            j.incr("a");
            assertEquals("OK", str(debug(j, "POPULATE", "5")));
            assertEquals(6, j.dbSize());
            String digestBefore = str(debug(j, "DIGEST"));
            assertEquals("OK", str(debug(j, "LOADAOF")));
            assertEquals("2", j.get("a"), "the file's commands replayed");
            assertEquals(1, j.dbSize(), "DEBUG POPULATE's keys were never written to the AOF, as in Redis");
            assertNotEquals(digestBefore, str(debug(j, "DIGEST")));
        }
        Path other = Files.createDirectories(dir.resolve("no-aof"));
        try (PyRedisServer s = start("dir", other.toString()); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("k", "v");
            assertThrows(JedisDataException.class, () -> debug(j, "LOADAOF"), "no AOF to load");
            assertEquals("v", j.get("k"), "and the data is kept");
        }
    }

    @Test
    void skipChecksumValidationAppliesToRestore() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("k", "hello");
            byte[] payload = j.dump("k");
            payload[payload.length - 1] ^= 1;
            assertEquals("ERR DUMP payload version or checksum are wrong",
                    assertThrows(JedisDataException.class, () -> j.restore("bad", 0, payload)).getMessage());
            assertEquals("OK", str(debug(j, "SET-SKIP-CHECKSUM-VALIDATION", "1")));
            assertEquals("OK", j.restore("bad", 0, payload));
            assertEquals("hello", j.get("bad"));
            assertEquals("OK", str(debug(j, "SET-SKIP-CHECKSUM-VALIDATION", "0")));
            assertThrows(JedisDataException.class, () -> j.restore("bad2", 0, payload));
        }
    }

    @Test
    void changeReplIdGivesANewMasterReplid() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            String before = j.info("replication");
            assertEquals("OK", str(debug(j, "CHANGE-REPL-ID")));
            assertNotEquals(line(before, "master_replid"), line(j.info("replication"), "master_replid"));
        }
    }

    private static String line(String info, String field) {
        for (String l : info.split("\r\n")) {
            if (l.startsWith(field + ":")) {
                return l;
            }
        }
        return null;
    }
}
