package io.pyredis.server;

import io.pyredis.storage.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.RestoreParams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** SAVE, BGSAVE, LASTSAVE, save rules, loading at start, SHUTDOWN saving, MISCONF, DUMP/RESTORE errors. */
class PersistenceTest {

    @TempDir
    Path dir;

    private PyRedisServer start(String... extra) {
        PyRedisServer.Builder b = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "3600 1 300 100 60 10000");
        for (int i = 0; i < extra.length; i += 2) {
            b.set(extra[i], extra[i + 1]);
        }
        return b.build().start();
    }

    private static String info(Jedis j, String field) {
        for (String line : j.info("persistence").split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    @Test
    void saveThenRestartLoadsTheData() {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
            j.set("b", "x".repeat(1000));
            j.setex("t", 3600, "v");
            j.select(7);
            j.set("c", "in db 7");
            assertEquals("4", info(j, "rdb_changes_since_last_save"));
            assertEquals("OK", j.save());
            assertEquals("0", info(j, "rdb_changes_since_last_save"));
            assertEquals("1", info(j, "rdb_saves"));
            long last = j.lastsave();
            assertTrue(Math.abs(last - System.currentTimeMillis() / 1000) < 5);
            assertEquals(String.valueOf(last), info(j, "rdb_last_save_time"));
        }
        assertTrue(Files.exists(dir.resolve("dump.rdb")));
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("1", j.get("a"));
            assertEquals("x".repeat(1000), j.get("b"));
            assertEquals("v", j.get("t"));
            assertTrue(j.info("keyspace").contains("db0:keys=3,expires=1"), j.info("keyspace"));
            j.select(7);
            assertEquals("in db 7", j.get("c"));
            assertEquals("4", info(j, "rdb_last_load_keys_loaded"));
        }
    }

    @Test
    void corruptFileStopsStartUpNamingFileAndOffset() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("key", "value");
            j.save();
        }
        Path f = dir.resolve("dump.rdb");
        byte[] b = Files.readAllBytes(f);
        b[b.length - 3] ^= 0x55; // inside the checksum
        Files.write(f, b);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> start());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("offset " + (b.length - 8)), e.getMessage());
        Files.write(f, "REDIS0010".getBytes(StandardCharsets.US_ASCII));
        e = assertThrows(UncheckedIOException.class, () -> start());
        assertTrue(e.getMessage().contains("offset 9: unexpected end of file"), e.getMessage());
    }

    @Test
    void shutdownSavesWhenSaveRulesExistAndNotWithNosave() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("k", "v");
            j.shutdown();
        }
        assertTrue(Files.exists(dir.resolve("dump.rdb")));
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("v", j.get("k"));
            j.set("k", "changed");
            j.sendCommand(redis.clients.jedis.Protocol.Command.SHUTDOWN, "NOSAVE");
        } catch (Exception expectedDisconnect) {
            // The connection closes without a reply.
        }
        try (PyRedisServer s = start("save", ""); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("v", j.get("k"));
        }
    }

    @Test
    void flushCountsRemovedKeysAndFlushallWithSaveRulesEmptiesTheSnapshotAsRedis70() {
        // The figures are those of redis-server 7.0.15 for the same commands.
        try (PyRedisServer s = start("save", ""); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.mset("a", "1", "b", "2", "c", "3");
            assertEquals("3", info(j, "rdb_changes_since_last_save"));
            j.flushAll();
            assertEquals("6", info(j, "rdb_changes_since_last_save"));
            j.mset("a", "1", "b", "2");
            j.flushDB();
            assertEquals("10", info(j, "rdb_changes_since_last_save"));
        }
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("k", "v");
            assertEquals("OK", j.save());
            j.mset("a", "1", "b", "2");
            j.flushAll();
            assertEquals("0", info(j, "rdb_changes_since_last_save"));
            assertEquals("1", info(j, "rdb_saves"));
        }
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals(0, j.dbSize(), "the snapshot on disk was emptied by FLUSHALL");
        }
    }

    @Test
    void flushallCancelsARunningBackgroundSaveAsRedisKillsItsChild() {
        try (PyRedisServer s = start("save", ""); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("old", "1");
            assertEquals("OK", j.save());
            redis.clients.jedis.Pipeline p = j.pipelined();
            for (int i = 0; i < 200_000; i++) {
                p.set("k" + i, "v" + i);
            }
            p.sync();
            p = j.pipelined();
            redis.clients.jedis.Response<Object> started = p.sendCommand(redis.clients.jedis.Protocol.Command.BGSAVE,
                    new String[0]);
            p.sendCommand(redis.clients.jedis.Protocol.Command.FLUSHALL, new String[0]);
            p.sync();
            assertEquals("Background saving started", new String((byte[]) started.get(), StandardCharsets.UTF_8));
            awaitBackgroundSave(j);
            assertEquals("ok", info(j, "rdb_last_bgsave_status"), "a cancelled save is no failure");
            assertEquals("OK", j.set("w", "writes go on"));
        }
        assertFalse(Files.exists(dir.resolve("temp-" + ProcessHandle.current().pid() + "-bg.rdb")));
        try (PyRedisServer s = start("save", ""); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals(1, j.dbSize(), "the file is the SAVE before, not the flushed data");
            assertEquals("1", j.get("old"));
        }
    }

    @Test
    void dirAndDbfilenameAreProtectedConfigsAsInRedis70() {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config",
                    assertThrows(JedisDataException.class, () -> j.configSet("dir", "/tmp")).getMessage());
            assertEquals("ERR CONFIG SET failed (possibly related to argument 'dbfilename') - can't set protected "
                    + "config", assertThrows(JedisDataException.class, () -> j.configSet("dbfilename", "x.rdb"))
                    .getMessage());
            assertEquals("no", j.configGet("enable-protected-configs").get("enable-protected-configs"));
            assertEquals(dir.toString(), j.configGet("dir").get("dir"));
        }
        try (PyRedisServer s = start("enable-protected-configs", "local"); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("OK", j.configSet("dbfilename", "x.rdb"), "a loopback client may");
            assertEquals("OK", j.save());
            assertTrue(Files.exists(dir.resolve("x.rdb")));
        }
    }

    @Test
    void failedBackgroundSaveRefusesWritesUntilAGoodSave() throws IOException {
        try (PyRedisServer s = start("enable-protected-configs", "yes"); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("k", "v");
            // CONFIG SET dir refuses a directory that is not there (as chdir does): remove it after.
            Path gone = Files.createDirectories(dir.resolve("gone"));
            assertEquals("OK", j.configSet("dir", gone.toString()));
            Files.delete(gone);
            assertEquals("Background saving started", j.bgsave());
            assertEquals("err", info(j, "rdb_last_bgsave_status"));
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.set("k", "w"));
            assertEquals("MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to "
                    + "disk. Commands that may modify the data set are disabled, because this instance is configured to "
                    + "report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). "
                    + "Please check the Redis logs for details about the RDB error.", e.getMessage());
            assertEquals("v", j.get("k"), "reads go on");
            assertThrows(JedisDataException.class, j::save, "SAVE fails too");
            assertEquals("OK", j.configSet("dir", dir.toString()));
            assertEquals("Background saving started", j.bgsave());
            awaitBackgroundSave(j);
            assertEquals("ok", info(j, "rdb_last_bgsave_status"));
            assertEquals("OK", j.set("k", "w"));
            Files.createDirectories(gone);
            assertEquals("OK", j.configSet("dir", gone.toString()));
            Files.delete(gone);
            j.bgsave();
            assertEquals("OK", j.configSet("stop-writes-on-bgsave-error", "no"));
            assertEquals("OK", j.set("k", "x"), "writes allowed when told not to stop");
        }
    }

    private static void awaitBackgroundSave(Jedis j) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"0".equals(info(j, "rdb_bgsave_in_progress"))) {
            assertTrue(System.nanoTime() < deadline, "background save still running after 30 s");
            Thread.onSpinWait();
        }
    }

    @Test
    void backgroundSaveIsThePointInTimeOfBgsaveWhileClientsGoOnWriting() throws Exception {
        int n = 200_000;
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            redis.clients.jedis.Pipeline p = j.pipelined();
            for (int i = 0; i < n; i++) {
                p.set("k" + i, "v" + i);
            }
            p.sync();
            // BGSAVE, then in the same batch a second BGSAVE, a SAVE, changes of every kind and a FLUSHDB.
            p = j.pipelined();
            redis.clients.jedis.Response<Object> started = p.sendCommand(redis.clients.jedis.Protocol.Command.BGSAVE, new String[0]);
            redis.clients.jedis.Response<Object> second = p.sendCommand(redis.clients.jedis.Protocol.Command.BGSAVE, new String[0]);
            redis.clients.jedis.Response<Object> save = p.sendCommand(redis.clients.jedis.Protocol.Command.SAVE, new String[0]);
            for (int i = 0; i < n; i += 7) {
                p.set("k" + i, "changed");
                p.getDel("k" + (i + 1));
                p.set("new" + i, "x");
                p.append("k" + (i + 3), "-appended");
                p.getEx("k" + (i + 2), redis.clients.jedis.params.GetExParams.getExParams().ex(100));
            }
            redis.clients.jedis.Response<Long> during = p.dbSize();
            p.sendCommand(redis.clients.jedis.Protocol.Command.FLUSHDB, new String[0]);
            p.sync();
            assertEquals("Background saving started", new String((byte[]) started.get(), StandardCharsets.UTF_8));
            assertEquals("ERR Background save already in progress",
                    assertThrows(JedisDataException.class, second::get).getMessage());
            assertEquals("ERR Background save already in progress",
                    assertThrows(JedisDataException.class, save::get).getMessage());
            // As many deleted as created, and the last APPEND created k200000.
            assertEquals(n + 1, during.get());
            assertTrue(j.info("keyspace").isBlank() || !j.info("keyspace").contains("keys="));
            assertEquals(0, j.dbSize());
            awaitBackgroundSave(j);
            assertEquals("ok", info(j, "rdb_last_bgsave_status"));
        }
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals(n, j.dbSize());
            assertTrue(j.info("keyspace").contains("db0:keys=" + n + ",expires=0,"), j.info("keyspace"));
            assertNull(j.get("k" + n));
            for (int i = 0; i < n; i += 97) {
                assertEquals("v" + i, j.get("k" + i));
                assertNull(j.get("new" + i));
            }
        }
    }

    @Test
    void saveRulesTriggerABackgroundSaveFromTheCron() throws Exception {
        ManualClock clock = new ManualClock(System.currentTimeMillis());
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "10 2").clock(clock).build().start();
             Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
            j.set("b", "2");
            clock.advance(11_000);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"0".equals(info(j, "rdb_changes_since_last_save")) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals("0", info(j, "rdb_changes_since_last_save"));
            assertTrue(Files.exists(dir.resolve("dump.rdb")));
            assertEquals("10 2", j.configGet("save").get("save"));
            assertThrows(JedisDataException.class, () -> j.configSet("save", "10"));
        }
    }

    @Test
    void anEmbeddedServerHasNoSaveRulesUnlessAsked() {
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start()) {
            assertEquals("", s.config("save"));
        }
        assertEquals("3600 1 300 100 60 10000", PyRedisServer.builder().redisSaveDefault().build().config("save"));
    }

    @Test
    void restoreChecksInRedisOrder() {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("k", "hello");
            byte[] payload = j.dump("k");
            assertNull(j.dump("missing"));
            byte[] key = "k".getBytes();
            assertEquals("BUSYKEY Target key name already exists.",
                    assertThrows(JedisDataException.class, () -> j.restore(key, 0, payload)).getMessage());
            assertEquals("ERR syntax error", assertThrows(JedisDataException.class,
                    () -> j.sendCommand(redis.clients.jedis.Protocol.Command.RESTORE, "k", "0", "x", "foo")).getMessage());
            assertEquals("ERR Invalid TTL value, must be >= 0",
                    assertThrows(JedisDataException.class, () -> j.restore("n".getBytes(), -1, payload)).getMessage());
            assertEquals("ERR DUMP payload version or checksum are wrong", assertThrows(JedisDataException.class,
                    () -> j.restore("n".getBytes(), 0, "garbage".getBytes())).getMessage());
            assertEquals("ERR Invalid IDLETIME value, must be >= 0", assertThrows(JedisDataException.class,
                    () -> j.sendCommand(redis.clients.jedis.Protocol.Command.RESTORE, "n", "0", "x", "IDLETIME", "-1"))
                    .getMessage());
            assertEquals("ERR Invalid FREQ value, must be >= 0 and <= 255", assertThrows(JedisDataException.class,
                    () -> j.sendCommand(redis.clients.jedis.Protocol.Command.RESTORE, "n", "0", "x", "FREQ", "256"))
                    .getMessage());
            assertEquals("OK", j.restore(key, 0, payload, RestoreParams.restoreParams().replace()));
            assertEquals("OK", j.restore("n".getBytes(), 5000, payload));
            assertEquals("hello", j.get("n"));
            assertTrue(j.info("keyspace").contains("expires=1"));
            // An absolute deadline in the past: OK, and no key.
            assertEquals("OK", j.restore("gone".getBytes(), 1, payload, RestoreParams.restoreParams().absTtl()));
            assertNull(j.get("gone"));
        }
    }
}
