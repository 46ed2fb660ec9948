package io.pyredis.server;

import io.pyredis.testkit.RawClient;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pyredis.storage.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

import java.util.List;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MULTI/EXEC/DISCARD/WATCH/UNWATCH through Jedis, Lettuce and raw bytes, with several clients. */
class TransactionsTest {

    static final ManualClock CLOCK = new ManualClock(1_700_000_000_000L);
    static PyRedisServer server;

    @BeforeAll
    static void start() {
        // hz 1 and a manual clock: keys expire when the test moves the clock, and the active
        // cycle (which reads the same clock) cannot beat the test to it in between.
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").set("hz", "1")
                .clock(CLOCK).addPack(new TestKeyCommands()).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void flush() {
        try (Jedis j = jedis()) {
            j.flushAll();
        }
    }

    static long del(Jedis j, String... keys) {
        return (Long) j.sendCommand(() -> "XDEL".getBytes(), keys);
    }

    static Jedis jedis() {
        return new Jedis("127.0.0.1", server.port());
    }

    @Test
    void execRunsQueuedCommandsWithRuntimeErrorsInPlace() {
        try (Jedis j = jedis()) {
            Transaction t = j.multi();
            t.set("a", "x");
            t.incr("a");
            t.set("b", "y");
            List<Object> r = t.exec();
            assertEquals(3, r.size());
            assertEquals("OK", r.get(0));
            assertInstanceOf(JedisDataException.class, r.get(1));
            assertEquals("ERR value is not an integer or out of range", ((JedisDataException) r.get(1)).getMessage());
            assertEquals("OK", r.get(2));
            assertEquals("y", j.get("b"));
        }
    }

    @Test
    void errorsWhileQueueingAbortExecAndErrorTextsMatchRedis() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("MULTI") + command("MULTI") + command("WATCH", "x") + command("SET", "k", "v")
                    + command("nosuch", "a") + command("GET") + command("EXEC") + command("GET", "k"));
            // Recorded from redis-server 7.0.15.
            String expected = "+OK\r\n-ERR MULTI calls can not be nested\r\n-ERR WATCH inside MULTI is not allowed\r\n"
                    + "+QUEUED\r\n-ERR unknown command 'nosuch', with args beginning with: 'a' \r\n"
                    + "-ERR wrong number of arguments for 'get' command\r\n"
                    + "-EXECABORT Transaction discarded because of previous errors.\r\n$-1\r\n";
            assertEquals(expected, c.readLike(expected));
            c.send(command("EXEC") + command("DISCARD") + command("MULTI") + command("PING") + command("DISCARD")
                    + command("EXEC"));
            expected = "-ERR EXEC without MULTI\r\n-ERR DISCARD without MULTI\r\n+OK\r\n+QUEUED\r\n+OK\r\n"
                    + "-ERR EXEC without MULTI\r\n";
            assertEquals(expected, c.readLike(expected));
            // Nested MULTI and WATCH inside MULTI are errors that do not abort the transaction.
            c.send(command("MULTI") + command("MULTI") + command("WATCH", "k") + command("PING") + command("EXEC"));
            expected = "+OK\r\n-ERR MULTI calls can not be nested\r\n-ERR WATCH inside MULTI is not allowed\r\n"
                    + "+QUEUED\r\n*1\r\n+PONG\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void noAuthWhileQueueingAbortsToo() throws Exception {
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("requirepass", "pw").build().start();
             RawClient c = new RawClient(s.port())) {
            c.send(command("MULTI") + command("AUTH", "pw") + command("MULTI") + command("AUTH", "pw")
                    + command("PING") + command("EXEC"));
            String expected = "-NOAUTH Authentication required.\r\n+OK\r\n+OK\r\n+QUEUED\r\n+QUEUED\r\n"
                    + "*2\r\n+OK\r\n+PONG\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void watchFailsWhenAnotherClientWrites() {
        try (Jedis a = jedis(); Jedis b = jedis()) {
            a.set("counter", "1");
            a.watch("counter");
            b.set("counter", "5");
            Transaction t = a.multi();
            t.incr("counter");
            assertNull(t.exec());
            assertEquals("5", a.get("counter"));
            // Watches end with EXEC: the next transaction runs.
            a.watch("counter");
            t = a.multi();
            t.incr("counter");
            assertEquals(List.of(6L), t.exec());
        }
    }

    @Test
    void watchFailsOnDeleteAndListPushButNotOnNoOps() {
        try (Jedis a = jedis(); Jedis b = jedis()) {
            a.watch("missing");
            assertEquals(0, del(b, "missing")); // nothing deleted: nothing touched
            Transaction t = a.multi();
            t.get("zz");
            assertEquals(java.util.Collections.singletonList(null), t.exec());

            a.set("k", "v");
            a.watch("k", "l");
            b.append("l", "x");
            t = a.multi();
            t.get("zz");
            assertNull(t.exec());

            a.watch("k");
            del(b, "k");
            t = a.multi();
            t.get("zz");
            assertNull(t.exec());
        }
    }

    @Test
    void unwatchAndDiscardForgetWatches() {
        try (Jedis a = jedis(); Jedis b = jedis()) {
            a.watch("k");
            b.set("k", "1");
            a.unwatch();
            Transaction t = a.multi();
            t.get("k");
            assertEquals(List.of("1"), t.exec());

            a.watch("k");
            t = a.multi();
            t.discard();
            b.set("k", "2");
            t = a.multi();
            t.get("k");
            assertEquals(List.of("2"), t.exec());
        }
    }

    @Test
    void watchedKeyThatExpiresFailsExecButOneAlreadyExpiredDoesNot() {
        try (Jedis a = jedis(); Jedis b = jedis()) {
            a.psetex("k", 1000, "v");
            a.watch("k");
            CLOCK.advance(2000);
            Transaction t = a.multi();
            t.get("zz");
            assertNull(t.exec(), "expired after WATCH, nobody looked: EXEC fails");

            a.psetex("k", 1000, "v");
            a.watch("k");
            CLOCK.advance(2000);
            assertNull(b.get("k")); // deleted lazily by another client
            t = a.multi();
            t.get("zz");
            assertNull(t.exec(), "expired after WATCH and deleted: EXEC fails");

            a.psetex("k", 1000, "v");
            CLOCK.advance(2000);
            a.watch("k"); // already logically expired when watched
            t = a.multi();
            t.get("zz");
            assertEquals(java.util.Collections.singletonList(null), t.exec());

            a.psetex("k", 1000, "v");
            CLOCK.advance(2000);
            a.watch("k");
            assertNull(b.get("k")); // its deletion is no change for this watch
            t = a.multi();
            t.get("zz");
            assertEquals(java.util.Collections.singletonList(null), t.exec());
        }
    }

    @Test
    void flushAndSwapTouchOnlyWatchedKeysThatExist() {
        try (Jedis a = jedis(); Jedis b = jedis()) {
            a.watch("absent");
            b.flushAll();
            Transaction t = a.multi();
            t.get("zz");
            assertEquals(java.util.Collections.singletonList(null), t.exec());

            a.set("k", "v");
            a.watch("k");
            b.flushAll();
            t = a.multi();
            t.get("zz");
            assertNull(t.exec());

            a.set("k", "v");
            a.watch("k");
            b.select(1);
            b.flushDB(); // another database
            t = a.multi();
            t.get("zz");
            assertEquals(java.util.Collections.singletonList(null), t.exec());

            b.set("k", "in db 1");
            a.watch("k"); // absent in db 0, present in db 1
            del(a, "k");
            b.sendCommand(() -> "XSWAPDB".getBytes(), "0", "1");
            t = a.multi();
            t.get("k");
            assertNull(t.exec());
        }
    }

    @Test
    void blockingCommandsInsideExecDoNotBlockAndWakeOthersAfter() throws Exception {
        try (Jedis a = jedis(); RawClient waiting = new RawClient(server.port())) {
            waiting.send(command("WAITFOR", "q", "0"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.blockedClients() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1, server.blockedClients());
            Transaction t = a.multi();
            t.sendCommand(() -> "WAITFOR".getBytes(), "empty", "0");
            t.set("q", "go");
            List<Object> r = t.exec();
            assertEquals("CANNOT", new String((byte[]) r.get(0)), "WAITFOR inside EXEC answers at once");
            assertEquals("OK", r.get(1));
            String expected = "$2\r\ngo\r\n";
            assertEquals(expected, waiting.readLike(expected), "the waiting client is served after EXEC");
        }
    }

    @Test
    void clientListShowsMultiStateAndResetLeavesIt() throws Exception {
        try (RawClient c = new RawClient(server.port()); Jedis other = jedis()) {
            c.send(command("CLIENT", "SETNAME", "tx") + command("MULTI") + command("SET", "a", "b")
                    + command("PING"));
            String expected = "+OK\r\n+OK\r\n+QUEUED\r\n+QUEUED\r\n";
            assertEquals(expected, c.readLike(expected));
            String line = other.clientList().lines().filter(l -> l.contains(" name=tx ")).findFirst().orElseThrow();
            assertTrue(line.contains(" flags=x "), line);
            assertTrue(line.contains(" multi=2 "), line);
            assertTrue(line.contains(" cmd=ping "), line);
            c.send(command("RESET") + command("EXEC"));
            expected = "+RESET\r\n-ERR EXEC without MULTI\r\n";
            assertEquals(expected, c.readLike(expected));
            line = other.clientList().lines().filter(l -> l.contains(" cmd=exec ")).findFirst().orElseThrow();
            assertTrue(line.contains(" flags=N ") && line.contains(" multi=-1 "), line);
            assertNull(other.get("a"));
        }
    }

    @Test
    void lettuceResp3TransactionsAndWatch() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> c1 = client.connect();
             StatefulRedisConnection<String, String> c2 = client.connect()) {
            RedisCommands<String, String> a = c1.sync();
            RedisCommands<String, String> b = c2.sync();
            a.set("x", "1");
            a.watch("x");
            a.multi();
            a.incr("x");
            a.get("x");
            TransactionResult r = a.exec();
            assertFalse(r.wasDiscarded());
            assertEquals(2L, (Long) r.get(0));
            assertEquals("2", r.get(1));

            a.watch("x");
            b.set("x", "10");
            a.multi();
            a.incr("x");
            assertTrue(a.exec().wasDiscarded());
            assertEquals("10", a.get("x"));
        } finally {
            client.shutdown();
        }
    }
}
