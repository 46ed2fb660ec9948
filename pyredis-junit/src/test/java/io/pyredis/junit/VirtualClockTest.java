package io.pyredis.junit;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.KeyValue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TTLs and blocking timeouts follow the virtual clock, and only it. */
@PyRedisTest
class VirtualClockTest {

    @Test
    void ttlExpiresWhenTheClockIsAdvanced(VirtualClock clock, Jedis jedis) throws Exception {
        jedis.set("session", "abc", SetParams.setParams().ex(10));
        Thread.sleep(50); // real time does not count
        assertEquals(10_000, jedis.pttl("session"));
        clock.advance(Duration.ofMillis(9_999));
        assertEquals("abc", jedis.get("session"));
        assertEquals(1, jedis.pttl("session"));
        clock.advance(Duration.ofMillis(1));
        // As Redis: a key expires once the time is past its deadline, not at it.
        assertEquals(0, jedis.pttl("session"));
        assertEquals("abc", jedis.get("session"));
        clock.advance(Duration.ofMillis(1));
        assertNull(jedis.get("session"));
        assertEquals(-2, jedis.pttl("session"));
    }

    @Test
    void activeExpiryReclaimsWithoutAnyRead(VirtualClock clock, Jedis jedis) {
        for (int i = 0; i < 100; i++) {
            jedis.set("k" + i, "v", SetParams.setParams().px(1000 + i));
        }
        jedis.set("kept", "v");
        assertEquals(101, jedis.dbSize());
        clock.advance(Duration.ofSeconds(2));
        // DBSIZE counts keys not reclaimed yet: the active cycle ran before advance returned.
        assertEquals(1, jedis.dbSize());
        assertTrue(jedis.info("stats").contains("expired_keys:100"), jedis.info("stats"));
    }

    @Test
    void blockingTimeoutFiresOnAdvance(VirtualClock clock, PyRedisServerHandle redis) throws Exception {
        try (Jedis blocked = new Jedis(redis.host(), redis.port())) {
            CompletableFuture<List<String>> reply = CompletableFuture.supplyAsync(() -> blocked.blpop(5, "queue"));
            awaitBlocked(redis, 1);
            clock.advance(Duration.ofMillis(4_999));
            assertFalse(reply.isDone());
            assertEquals(1, redis.server().blockedClients());
            clock.advance(Duration.ofMillis(1));
            assertNull(reply.get(5, TimeUnit.SECONDS));
            assertEquals(0, redis.server().blockedClients());
        }
    }

    @Test
    void blockingTimeoutDoesNotFireInRealTime(VirtualClock clock, PyRedisServerHandle redis, Jedis jedis)
            throws Exception {
        try (Jedis blocked = new Jedis(redis.host(), redis.port())) {
            // 0.1 s of virtual time: real time passes, the client stays blocked.
            CompletableFuture<KeyValue<String, String>> reply = CompletableFuture.supplyAsync(
                    () -> blocked.blpop(0.1, "queue"));
            awaitBlocked(redis, 1);
            Thread.sleep(500);
            assertEquals(1, redis.server().blockedClients());
            jedis.rpush("queue", "job");
            KeyValue<String, String> got = reply.get(5, TimeUnit.SECONDS);
            assertEquals("queue", got.getKey());
            assertEquals("job", got.getValue());
            assertEquals(0, redis.server().blockedClients());
            clock.advance(Duration.ofSeconds(1)); // the served client's timeout is gone with it
            assertEquals(0, redis.server().blockedClients());
        }
    }

    @Test
    void clockReadsWhatTheServerReads(VirtualClock clock, Jedis jedis) {
        long before = clock.millis();
        clock.advance(Duration.ofHours(1));
        assertEquals(before + 3_600_000, clock.millis());
        List<String> time = jedis.time();
        assertEquals(String.valueOf(clock.millis() / 1000), time.get(0));
        jedis.set("k", "v", SetParams.setParams().px(500));
        assertEquals(clock.millis() + 500, jedis.pexpireTime("k"));
    }

    static void awaitBlocked(PyRedisServerHandle redis, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (redis.server().blockedClients() < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no client blocked");
            }
            Thread.sleep(5);
        }
    }
}
