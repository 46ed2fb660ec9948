package io.pyredis.junit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each injected fault, seen as a Redis client sees the real one. */
class FaultsTest {

    /** Redis 7.0.15's texts (server.c). */
    static final String MISCONF_AOF = "MISCONF Errors writing to the AOF file: No space left on device";
    static final String MISCONF_RDB = "MISCONF Redis is configured to save RDB snapshots, but it's currently unable "
            + "to persist to disk. Commands that may modify the data set are disabled, because this instance is "
            + "configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error "
            + "option). Please check the Redis logs for details about the RDB error.";

    @Nested
    @PyRedisTest(lifecycle = PyRedisTest.Lifecycle.PER_METHOD, config = {"appendonly", "yes", "appendfsync", "everysec"})
    class AofEverysec {
        @Test
        void fullDiskRefusesWritesUntilItIsFreed(PyRedisServerHandle redis, Jedis jedis) throws Exception {
            jedis.set("before", "1");
            redis.faults().failAofWrites(Integer.MAX_VALUE);
            assertEquals("OK", jedis.set("a", "1")); // its write fails after it ran, as in Redis
            // With everysec the write may wait for a background fsync (up to 2 s, as Redis).
            awaitInfo(jedis, "aof_last_write_status:err");
            JedisDataException e = assertThrows(JedisDataException.class, () -> jedis.set("b", "2"));
            assertEquals(MISCONF_AOF, e.getMessage());
            assertEquals("1", jedis.get("a")); // reads still work
            assertTrue(jedis.info("persistence").contains("aof_last_write_status:err"));
            redis.faults().reset();
            // The cron retries the write; once it worked, writes are accepted again.
            awaitInfo(jedis, "aof_last_write_status:ok");
            assertEquals("OK", jedis.set("b", "2"));
        }

        @Test
        void oneFailedWriteIsRetried(PyRedisServerHandle redis, Jedis jedis) throws Exception {
            redis.faults().failNextAofWrite();
            assertEquals("OK", jedis.set("a", "1"));
            awaitInfo(jedis, "aof_last_write_status:ok");
            assertEquals("OK", jedis.set("b", "2"));
            assertTrue(jedis.info("persistence").contains("aof_last_write_status:ok"));
        }

        private void awaitInfo(Jedis jedis, String line) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!jedis.info("persistence").contains(line)) {
                assertTrue(System.nanoTime() < end, "INFO never showed " + line);
                Thread.sleep(10);
            }
        }
    }

    @Nested
    @PyRedisTest(lifecycle = PyRedisTest.Lifecycle.PER_METHOD, config = {"appendonly", "yes", "appendfsync", "always"})
    class AofAlways {
        @Test
        void failedWriteStopsTheServerAsRedisExits(PyRedisServerHandle redis, Jedis jedis) throws Exception {
            jedis.set("before", "1");
            redis.faults().failNextAofWrite();
            // Redis exits without replying: the write is neither acknowledged nor taken back.
            assertThrows(JedisConnectionException.class, () -> jedis.set("a", "1"));
            assertEquals(1, redis.server().stopped().get(5, TimeUnit.SECONDS));
        }

        @Test
        void slowFsyncDelaysTheReply(PyRedisServerHandle redis, Jedis jedis) {
            jedis.set("warm", "1");
            redis.faults().slowFsync(Duration.ofMillis(300));
            long t0 = System.nanoTime();
            assertEquals("OK", jedis.set("a", "1"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 300, "the reply waited for the fsync: " + ms + " ms");
            redis.faults().slowFsync(Duration.ZERO);
            t0 = System.nanoTime();
            assertEquals("OK", jedis.set("b", "1"));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 300);
        }
    }

    @Nested
    @PyRedisTest(lifecycle = PyRedisTest.Lifecycle.PER_METHOD, config = {"save", "3600 1"})
    class Rdb {
        @Test
        void failedBgsaveRefusesWrites(PyRedisServerHandle redis, Jedis jedis) throws Exception {
            jedis.set("a", "1");
            redis.faults().failNextRdbSave();
            assertEquals("Background saving started", jedis.bgsave());
            awaitBgsaveDone(jedis);
            assertTrue(jedis.info("persistence").contains("rdb_last_bgsave_status:err"));
            JedisDataException e = assertThrows(JedisDataException.class, () -> jedis.set("b", "2"));
            assertEquals(MISCONF_RDB, e.getMessage());
            assertEquals("1", jedis.get("a"));
            // The fault was for one save: the next works and writes are accepted again.
            assertEquals("Background saving started", jedis.bgsave());
            awaitBgsaveDone(jedis);
            assertTrue(jedis.info("persistence").contains("rdb_last_bgsave_status:ok"));
            assertEquals("OK", jedis.set("b", "2"));
        }

        @Test
        void failedSaveIsAnError(PyRedisServerHandle redis, Jedis jedis) {
            jedis.set("a", "1");
            redis.faults().failNextRdbSave();
            JedisDataException e = assertThrows(JedisDataException.class, jedis::save);
            assertEquals("ERR", e.getMessage());
            assertEquals("OK", jedis.save());
        }

        private void awaitBgsaveDone(Jedis jedis) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (jedis.info("persistence").contains("rdb_bgsave_in_progress:1")) {
                assertTrue(System.nanoTime() < end, "BGSAVE never ended");
                Thread.sleep(10);
            }
        }
    }

    @Nested
    @PyRedisTest
    class Network {
        @Test
        void cutConnectionsDropsEveryClient(PyRedisServerHandle redis, Jedis jedis) {
            try (Jedis other = new Jedis(redis.host(), redis.port())) {
                assertEquals("PONG", other.ping());
                assertEquals("PONG", jedis.ping());
                redis.faults().cutConnections();
                assertThrows(JedisConnectionException.class, jedis::ping);
                assertThrows(JedisConnectionException.class, other::ping);
            }
            try (Jedis again = new Jedis(redis.host(), redis.port())) {
                assertEquals("PONG", again.ping()); // the server still listens
            }
        }
    }
}
