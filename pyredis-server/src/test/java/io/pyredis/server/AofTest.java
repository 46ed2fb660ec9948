package io.pyredis.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The append-only file: recording, restart, rewrite, loading rules, config, INFO. */
@org.junit.jupiter.api.Timeout(120)
class AofTest {

    @TempDir
    Path dir;

    private PyRedisServer start(String... extra) {
        PyRedisServer.Builder b = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "").set("appendonly", "yes");
        for (int i = 0; i < extra.length; i += 2) {
            b.set(extra[i], extra[i + 1]);
        }
        return b.build().start();
    }

    private Path aofDir() {
        return dir.resolve("appendonlydir");
    }

    private String manifest() throws Exception {
        return Files.readString(aofDir().resolve("appendonly.aof.manifest"));
    }

    private String incr(int seq) throws Exception {
        return Files.readString(aofDir().resolve("appendonly.aof." + seq + ".incr.aof"), StandardCharsets.ISO_8859_1);
    }

    static String info(Jedis j, String field) {
        for (String line : j.info("persistence").split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    private static String resp(String... args) {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            sb.append('$').append(a.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n").append(a).append("\r\n");
        }
        return sb.toString();
    }

    @Test
    void startCreatesBaseIncrAndManifestAsRedisDoes() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("1", info(j, "aof_enabled"));
            assertEquals("0", info(j, "aof_buffer_length"));
        }
        assertEquals("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n",
                manifest());
        assertTrue(Files.readString(aofDir().resolve("appendonly.aof.1.base.rdb"), StandardCharsets.ISO_8859_1)
                .startsWith("REDIS0010"));
    }

    @Test
    void recordsWritesVerbatimWithSelectAndMultiExecAndNothingForReads() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
            j.get("a");
            j.setnx("a", "2");
            Transaction t = j.multi();
            t.set("b", "1");
            t.incr("c");
            t.get("b");
            t.exec();
            j.select(2);
            j.set("x", "y");
            j.mset("m1", "a", "m2", "b");
            assertThrows(JedisDataException.class, () -> j.incr("x")); // fails: nothing recorded
            j.select(0);
            j.set("z", "1");
        }
        String expected = resp("SELECT", "0") + resp("SET", "a", "1")
                + resp("MULTI") + resp("SET", "b", "1") + resp("INCR", "c") + resp("EXEC")
                + resp("SELECT", "2") + resp("SET", "x", "y") + resp("MSET", "m1", "a", "m2", "b")
                + resp("SELECT", "0") + resp("SET", "z", "1");
        assertEquals(expected, incr(1));
    }

    @Test
    void flushallAndFlushdbAreAlwaysRecordedAsSentAsRedis700Does() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.flushAll(); // on an empty dataset too
            j.sendCommand(redis.clients.jedis.Protocol.Command.FLUSHALL, "async");
            j.flushDB();
            j.select(3);
            j.sendCommand(redis.clients.jedis.Protocol.Command.FLUSHDB, "ASYNC");
            j.select(5);
            j.sendCommand(redis.clients.jedis.Protocol.Command.FLUSHDB, "sync");
            assertThrows(JedisDataException.class,
                    () -> j.sendCommand(redis.clients.jedis.Protocol.Command.FLUSHDB, "now")); // not recorded
            j.select(0);
            j.set("a", "1");
            j.select(2);
            j.sendCommand(redis.clients.jedis.Protocol.Command.FLUSHALL, "sync");
            j.select(0);
            j.set("b", "1");
        }
        // What Redis 7.0.15 writes for the same commands (Jedis sends names in upper case).
        String expected = resp("SELECT", "0") + resp("FLUSHALL") + resp("FLUSHALL", "async") + resp("FLUSHDB")
                + resp("SELECT", "3") + resp("FLUSHDB", "ASYNC")
                + resp("SELECT", "5") + resp("FLUSHDB", "sync")
                + resp("SELECT", "0") + resp("SET", "a", "1")
                + resp("SELECT", "2") + resp("FLUSHALL", "sync")
                + resp("SELECT", "0") + resp("SET", "b", "1");
        assertEquals(expected, incr(1));
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertNull(j.get("a"));
            assertEquals("1", j.get("b"));
        }
    }

    @Test
    void aofWinsOverRdbAndNoAofMeansTheRdbIsNotLoaded() {
        try (PyRedisServer s = start("appendonly", "no"); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("from-rdb", "1");
            j.save();
        }
        // appendonly yes without an AOF yet: Redis 7.0 starts empty and creates the AOF.
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertNull(j.get("from-rdb"));
            j.set("from-aof", "1");
        }
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertNull(j.get("from-rdb"));
            assertEquals("1", j.get("from-aof"));
        }
    }

    @Test
    void truncatedTailLoadsUpToTheLastCompleteCommandAndIsCut() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
            j.set("b", "2");
        }
        Path f = aofDir().resolve("appendonly.aof.1.incr.aof");
        long good = Files.size(f);
        Files.writeString(f, "*3\r\n$3\r\nSET\r\n$1\r\nc\r\n$1", StandardCharsets.ISO_8859_1,
                java.nio.file.StandardOpenOption.APPEND);
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("1", j.get("a"));
            assertEquals("2", j.get("b"));
            assertNull(j.get("c"));
        }
        assertTrue(Files.size(f) >= good);
        assertTrue(incr(1).startsWith(resp("SELECT", "0") + resp("SET", "a", "1") + resp("SET", "b", "2")));
    }

    @Test
    void truncatedTailRefusesWithAofLoadTruncatedNo() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
        }
        Files.writeString(aofDir().resolve("appendonly.aof.1.incr.aof"), "*2\r\n$3\r\nGET", StandardCharsets.ISO_8859_1,
                java.nio.file.StandardOpenOption.APPEND);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> start("aof-load-truncated", "no"));
        assertTrue(e.getMessage().contains("Unexpected end of file reading the append only file appendonly.aof.1.incr.aof"),
                e.getMessage());
    }

    @Test
    void garbageInTheMiddleRefusesToStartNamingFileAndOffset() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
        }
        Path f = aofDir().resolve("appendonly.aof.1.incr.aof");
        long at = Files.size(f);
        Files.writeString(f, "xx" + resp("SET", "b", "2"), StandardCharsets.ISO_8859_1,
                java.nio.file.StandardOpenOption.APPEND);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> start());
        assertTrue(e.getMessage().contains("Bad file format reading the append only file appendonly.aof.1.incr.aof at offset "
                + at), e.getMessage());
    }

    @Test
    void missingFileNamedInTheManifestRefusesToStart() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
        }
        Files.delete(aofDir().resolve("appendonly.aof.1.incr.aof"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> start());
        assertTrue(e.getMessage().contains("Unable to obtain the AOF file appendonly.aof.1.incr.aof length"),
                e.getMessage());
    }

    @Test
    void annotationsAndAnUnfinishedMultiAtTheEndAreHandledAsRedis() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
        }
        Path f = aofDir().resolve("appendonly.aof.1.incr.aof");
        Files.writeString(f, "#TS:1700000000\r\n" + resp("SET", "b", "2") + resp("MULTI") + resp("SET", "c", "3"),
                StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("2", j.get("b"));
            assertNull(j.get("c"));
        }
    }

    @Test
    void bgrewriteaofCompactsWhileWritesGoOnAndLosesNothing() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            for (int i = 0; i < 2000; i++) {
                j.set("k", "v" + i);
                j.incr("counter");
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acked = new AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Jedis w = new Jedis("127.0.0.1", s.port())) {
                    while (!stop.get()) {
                        w.append("during", "x");
                        acked.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failed.set(t);
                    stop.set(true);
                }
            });
            writer.start();
            long before = Long.parseLong(info(j, "aof_current_size"));
            while (acked.get() < 100 && !stop.get()) {
                Thread.onSpinWait();
            }
            assertNull(failed.get());
            assertEquals("Background append only file rewriting started", j.bgrewriteaof());
            // The base is written in the background while the writer goes on.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"0".equals(info(j, "aof_rewrite_in_progress")) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            while (acked.get() < 300 && !stop.get()) {
                Thread.onSpinWait();
            }
            stop.set(true);
            writer.join();
            assertNull(failed.get());
            assertEquals("1", info(j, "aof_rewrites"));
            assertEquals("ok", info(j, "aof_last_bgrewrite_status"));
            // The new base is the compacted data (the incr file after it holds what the writer
            // added meanwhile, which depends on how fast it ran).
            long after = Files.size(aofDir().resolve("appendonly.aof.2.base.rdb"));
            assertTrue(after < before / 4, before + " -> " + after);
            assertEquals("file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
                    manifest());
            assertFalse(Files.exists(aofDir().resolve("appendonly.aof.1.incr.aof")));
            assertFalse(Files.exists(aofDir().resolve("appendonly.aof.1.base.rdb")));
            s.close();
            try (PyRedisServer s2 = start(); Jedis j2 = new Jedis("127.0.0.1", s2.port())) {
                assertEquals("v1999", j2.get("k"));
                assertEquals("2000", j2.get("counter"));
                assertEquals(acked.get(), j2.strlen("during"));
            }
        }
    }

    private static java.util.List<String> batch(Jedis j, String... commands) {
        // One write, so the server reads them in one go: no snapshot slice runs in between.
        redis.clients.jedis.Pipeline p = j.pipelined();
        java.util.List<redis.clients.jedis.Response<Object>> rs = new java.util.ArrayList<>();
        for (String c : commands) {
            String[] w = c.split(" ");
            rs.add(p.sendCommand(redis.clients.jedis.Protocol.Command.valueOf(w[0]),
                    java.util.Arrays.copyOfRange(w, 1, w.length)));
        }
        p.sync();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (redis.clients.jedis.Response<Object> r : rs) {
            try {
                out.add(new String((byte[]) r.get(), StandardCharsets.UTF_8));
            } catch (JedisDataException e) {
                out.add("-" + e.getMessage());
            }
        }
        return out;
    }

    private static void awaitNoSnapshot(Jedis j) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        // One INFO per look: the three fields must be read at the same moment.
        while (!java.util.Arrays.asList(j.info("persistence").split("\r\n")).containsAll(java.util.List.of(
                "aof_rewrite_in_progress:0", "rdb_bgsave_in_progress:0", "aof_rewrite_scheduled:0"))) {
            assertTrue(System.nanoTime() < deadline, "a snapshot still runs after 30 s");
            Thread.onSpinWait();
        }
    }

    @Test
    void bgsaveAndBgrewriteaofTakeTurnsAsInRedis() {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            redis.clients.jedis.Pipeline p = j.pipelined();
            for (int i = 0; i < 50_000; i++) {
                p.set("k" + i, "v" + i);
            }
            p.sync();
            assertEquals(java.util.List.of("Background saving started",
                    "Background append only file rewriting scheduled",
                    "-ERR Background save already in progress"),
                    batch(j, "BGSAVE", "BGREWRITEAOF", "BGSAVE"));
            awaitNoSnapshot(j);
            assertEquals("1", info(j, "aof_rewrites"), "the scheduled rewrite ran after the save");
            assertEquals(java.util.List.of("Background append only file rewriting started",
                    "-ERR Background append only file rewriting already in progress",
                    "-ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE in "
                            + "order to schedule a BGSAVE whenever possible.",
                    "Background saving scheduled"),
                    batch(j, "BGREWRITEAOF", "BGREWRITEAOF", "BGSAVE", "BGSAVE SCHEDULE"));
            awaitNoSnapshot(j);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"2".equals(info(j, "rdb_saves"))) {
                assertTrue(System.nanoTime() < deadline, "the scheduled BGSAVE did not run");
                Thread.onSpinWait();
            }
            assertEquals("2", info(j, "aof_rewrites"));
            assertEquals("ok", info(j, "rdb_last_bgsave_status"));
            assertEquals("ok", info(j, "aof_last_bgrewrite_status"));
        }
    }

    @Test
    void configMatchesRedis() {
        try (PyRedisServer s = start("appendonly", "no"); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals(Map.of("appendfsync", "eversec".replace("ever", "every")), j.configGet("appendfsync"));
            assertEquals(Map.of("appenddirname", "appendonlydir"), j.configGet("appenddirname"));
            assertEquals(Map.of("auto-aof-rewrite-min-size", "67108864"), j.configGet("auto-aof-rewrite-min-size"));
            assertEquals("ERR CONFIG SET failed (possibly related to argument 'appendfsync') - argument(s) must be one "
                    + "of the following: everysec, always, no",
                    assertThrows(JedisDataException.class, () -> j.configSet("appendfsync", "foo")).getMessage());
            assertEquals("ERR CONFIG SET failed (possibly related to argument 'appendfilename') - can't set immutable "
                    + "config", assertThrows(JedisDataException.class, () -> j.configSet("appendfilename", "x")).getMessage());
            assertEquals("ERR CONFIG SET failed (possibly related to argument 'auto-aof-rewrite-percentage') - argument "
                    + "must be between 0 and 2147483647 inclusive",
                    assertThrows(JedisDataException.class,
                            () -> j.configSet("auto-aof-rewrite-percentage", "-1")).getMessage());
            j.set("before", "1");
            assertEquals("0", info(j, "aof_enabled"));
            assertEquals("OK", j.configSet("appendonly", "yes"));
            assertEquals("1", info(j, "aof_enabled"));
            j.set("after", "2");
        }
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("1", j.get("before"));
            assertEquals("2", j.get("after"));
        }
    }

    @Test
    void expiredKeysAreRecordedAsDel() throws Exception {
        io.pyredis.storage.ManualClock clock = new io.pyredis.storage.ManualClock(1_700_000_000_000L);
        PyRedisServer.Builder b = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "").set("appendonly", "yes").clock(clock);
        try (PyRedisServer s = b.build().start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("e", "v", redis.clients.jedis.params.SetParams.setParams().pxAt(1_700_000_001_000L));
            clock.advance(2000);
            assertNull(j.get("e"));
        }
        assertTrue(incr(1).endsWith(resp("DEL", "e")), incr(1));
    }

    @Test
    void nothingExpiresWhileReplayingSoAKeyThatExpiredMeanwhileStaysGone() throws Exception {
        io.pyredis.storage.ManualClock clock = new io.pyredis.storage.ManualClock(1_700_000_000_000L);
        PyRedisServer.Builder b = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "").set("appendonly", "yes").clock(clock);
        try (PyRedisServer s = b.build().start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("k", "1", redis.clients.jedis.params.SetParams.setParams().px(1000));
            j.incr("k");
            j.set("live", "1", redis.clients.jedis.params.SetParams.setParams().px(60_000));
            j.incr("live");
        }
        clock.advance(5000);
        try (PyRedisServer s = b.build().start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertNull(j.get("k"), "replayed with its deadline, then expired");
            assertEquals("2", j.get("live"));
            assertTrue(j.info("keyspace").contains("db0:keys=1,expires=1,"), j.info("keyspace"));
        }
    }

    @Test
    void loaderFuzzNeverHangsOrCrashes() throws Exception {
        try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("a", "1");
            j.mset("l", "x", "y", "z");
            j.append("h", "v");
        }
        Path f = aofDir().resolve("appendonly.aof.1.incr.aof");
        byte[] orig = Files.readAllBytes(f);
        Random rnd = new Random(7);
        for (int round = 0; round < 60; round++) {
            byte[] b = orig.clone();
            int kind = round % 3;
            if (kind == 0) {
                b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
            } else if (kind == 1) {
                b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
            } else {
                String t = new String(b, StandardCharsets.ISO_8859_1).replaceFirst("\\$1\r\n1", "\\$2147483000\r\n1");
                b = t.getBytes(StandardCharsets.ISO_8859_1);
            }
            Files.write(f, b);
            try (PyRedisServer s = start(); Jedis j = new Jedis("127.0.0.1", s.port())) {
                j.ping();
            } catch (UncheckedIOException e) {
                assertNotNull(e.getMessage());
            }
        }
    }
}
