package io.pyredis.commands.streams;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingSummary;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream pack in a real server, through Jedis (RESP2) and Lettuce (RESP3): entries,
 * consumer groups and their PEL, and blocking reads served by an XADD from another
 * connection, timing out, in order, and never inside MULTI.
 */
class StreamsClientsTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Jedis jedis() {
        return new Jedis("127.0.0.1", server.port(), 10_000);
    }

    @Test
    void entriesThroughJedis() {
        try (Jedis j = jedis()) {
            StreamEntryID a = j.xadd("j:s", new StreamEntryID(1, 1), Map.of("f", "v1"));
            StreamEntryID b = j.xadd("j:s", StreamEntryID.NEW_ENTRY, Map.of("f", "v2"));
            assertEquals("1-1", a.toString());
            assertTrue(b.getTime() > 1_600_000_000_000L, "a * ID is the time of the server");
            assertEquals(2, j.xlen("j:s"));
            List<StreamEntry> all = j.xrange("j:s", "-", "+");
            assertEquals(List.of(a, b), all.stream().map(StreamEntry::getID).toList());
            assertEquals(Map.of("f", "v2"), j.xrevrange("j:s", "+", "-", 1).get(0).getFields());
            JedisDataException e = assertThrows(JedisDataException.class,
                    () -> j.xadd("j:s", new StreamEntryID(1, 0), Map.of("f", "x")));
            assertEquals("ERR The ID specified in XADD is equal or smaller than the target stream top item", e.getMessage());
            assertNull(j.xadd("j:none", XAddParams.xAddParams().noMkStream(), Map.of("f", "x")));
            assertEquals(1, j.xdel("j:s", a));
            assertEquals(1, j.xlen("j:s"));
            j.set("j:str", "x");
            e = assertThrows(JedisDataException.class, () -> j.xlen("j:str"));
            assertTrue(e.getMessage().startsWith("WRONGTYPE"), e.getMessage());
            assertEquals("stream", j.type("j:s"));
        }
    }

    @Test
    void groupsThroughJedis() {
        try (Jedis j = jedis()) {
            for (int i = 1; i <= 3; i++) {
                j.xadd("j:g", new StreamEntryID(i, 0), Map.of("n", String.valueOf(i)));
            }
            assertEquals("OK", j.xgroupCreate("j:g", "grp", new StreamEntryID(0, 0), false));
            var read = j.xreadGroup("grp", "alice", XReadGroupParams.xReadGroupParams().count(2),
                    Map.of("j:g", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            assertEquals(2, read.get(0).getValue().size());
            StreamPendingSummary p = j.xpending("j:g", "grp");
            assertEquals(2, p.getTotal());
            assertEquals(Map.of("alice", 2L), p.getConsumerMessageCount());
            List<StreamEntry> claimed = j.xclaim("j:g", "grp", "bob", 0, XClaimParams.xClaimParams(),
                    new StreamEntryID(1, 0));
            assertEquals(Map.of("n", "1"), claimed.get(0).getFields());
            assertEquals(1, j.xack("j:g", "grp", new StreamEntryID(1, 0), new StreamEntryID(9, 0)));
            var auto = j.xautoclaimJustId("j:g", "grp", "carol", 0, new StreamEntryID(0, 0),
                    redis.clients.jedis.params.XAutoClaimParams.xAutoClaimParams());
            assertEquals(List.of(new StreamEntryID(2, 0)), auto.getValue());
            assertEquals(1, j.xinfoGroups("j:g").size());
            assertEquals(3, j.xinfoConsumers("j:g", "grp").size());
            assertEquals(1, j.xgroupDelConsumer("j:g", "grp", "carol"));
            JedisDataException e = assertThrows(JedisDataException.class,
                    () -> j.xgroupCreate("j:g", "grp", StreamEntryID.XGROUP_LAST_ENTRY, false));
            assertEquals("BUSYGROUP Consumer Group name already exists", e.getMessage());
            assertEquals(1, j.xgroupDestroy("j:g", "grp"));
        }
    }

    @Test
    void blockingXreadIsServedByAnXaddFromAnotherConnection() throws Exception {
        try (Jedis reader = jedis(); Jedis writer = jedis()) {
            writer.xadd("j:b", new StreamEntryID(1, 0), Map.of("old", "1"));
            CompletableFuture<List<Map.Entry<String, List<StreamEntry>>>> got = CompletableFuture.supplyAsync(
                    () -> reader.xread(XReadParams.xReadParams().block(0), Map.of("j:b", StreamEntryID.XREAD_NEW_ENTRY)));
            waitBlocked(writer, 1);
            writer.xadd("j:b", new StreamEntryID(2, 0), Map.of("new", "2"));
            var r = got.get(10, TimeUnit.SECONDS);
            assertEquals("j:b", r.get(0).getKey());
            assertEquals(List.of(new StreamEntryID(2, 0)), r.get(0).getValue().stream().map(StreamEntry::getID).toList(),
                    "only what came after $ at the time of the call");
        }
    }

    @Test
    void blockingXreadTimesOutWithANull() {
        try (Jedis j = jedis()) {
            long t0 = System.nanoTime();
            assertNull(j.xread(XReadParams.xReadParams().block(100), Map.of("j:none2", StreamEntryID.XREAD_NEW_ENTRY)));
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(90));
        }
    }

    @Test
    void blockedGroupReadersAreServedOldestFirstAndOneEntryEach() throws Exception {
        try (Jedis a = jedis(); Jedis b = jedis(); Jedis w = jedis()) {
            w.xgroupCreate("j:q", "grp", StreamEntryID.XGROUP_LAST_ENTRY, true);
            XReadGroupParams p = XReadGroupParams.xReadGroupParams().block(0).count(1);
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> a.xreadGroup("grp", "a", p,
                    Map.of("j:q", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)).get(0).getValue().get(0).getID().toString());
            waitBlocked(w, 1);
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> b.xreadGroup("grp", "b", p,
                    Map.of("j:q", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)).get(0).getValue().get(0).getID().toString());
            waitBlocked(w, 2);
            w.xadd("j:q", new StreamEntryID(1, 0), Map.of("x", "1"));
            assertEquals("1-0", first.get(10, TimeUnit.SECONDS));
            waitBlocked(w, 1);
            w.xadd("j:q", new StreamEntryID(2, 0), Map.of("x", "2"));
            assertEquals("2-0", second.get(10, TimeUnit.SECONDS));
            assertEquals(2, w.xpending("j:q", "grp").getTotal());
        }
    }

    @Test
    void deletingTheKeyEndsABlockedGroupRead() throws Exception {
        try (Jedis a = jedis(); Jedis w = jedis()) {
            w.xgroupCreate("j:d", "grp", StreamEntryID.XGROUP_LAST_ENTRY, true);
            CompletableFuture<Object> got = CompletableFuture.supplyAsync(() -> {
                try {
                    return a.xreadGroup("grp", "a", XReadGroupParams.xReadGroupParams().block(0),
                            Map.of("j:d", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
                } catch (JedisDataException e) {
                    return e.getMessage();
                }
            });
            waitBlocked(w, 1);
            w.del("j:d");
            assertEquals("UNBLOCKED the stream key no longer exists", got.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void insideMultiABlockingReadRepliesAtOnce() {
        try (Jedis j = jedis()) {
            var t = j.multi();
            t.xread(XReadParams.xReadParams().block(0), Map.of("j:m", StreamEntryID.XREAD_NEW_ENTRY));
            List<Object> r = t.exec();
            assertEquals(1, r.size());
            assertNull(r.get(0));
        }
    }

    private static void waitBlocked(Jedis j, int n) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            String info = j.info("clients");
            if (info.contains("blocked_clients:" + n + "\r\n")) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never " + n + " blocked clients");
    }

    @Test
    void lettuceResp3() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> r = c.sync();
            assertEquals("5-1", r.xadd("l:s", new io.lettuce.core.XAddArgs().id("5-1"), Map.of("a", "1")));
            r.xgroupCreate(XReadArgs.StreamOffset.from("l:s", "0"), "grp");
            List<StreamMessage<String, String>> m = r.xreadgroup(Consumer.from("grp", "c"),
                    XReadArgs.StreamOffset.lastConsumed("l:s"));
            assertEquals(1, m.size());
            assertEquals("5-1", m.get(0).getId());
            assertEquals(Map.of("a", "1"), m.get(0).getBody());
            List<StreamMessage<String, String>> plain = r.xread(XReadArgs.Builder.block(Duration.ofMillis(1)),
                    XReadArgs.StreamOffset.from("l:s", "0"));
            assertEquals(1, plain.size());
        } finally {
            client.shutdown();
        }
    }
}
