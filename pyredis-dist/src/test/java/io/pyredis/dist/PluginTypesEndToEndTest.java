package io.pyredis.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The example plugin's own data type (the ring buffer, {@code ring-buff}) with the
 * packaged server as a separate process: it survives SAVE and a restart, DUMP/RESTORE
 * round-trips it, a corrupt payload gets Redis's error, and a dump holding it refuses to
 * load in a server without the plugin, naming the type.
 */
class PluginTypesEndToEndTest {

    private static final ProtocolCommand RING_PUSH = () -> "RING.PUSH".getBytes(StandardCharsets.US_ASCII);
    private static final ProtocolCommand RING_RANGE = () -> "RING.RANGE".getBytes(StandardCharsets.US_ASCII);
    private static final ProtocolCommand RING_LEN = () -> "RING.LEN".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path work;

    private Path plugins() throws Exception {
        Path plugins = work.resolve("plugins");
        if (!Files.isDirectory(plugins)) {
            Files.createDirectory(plugins);
            Path jar = Dist.examplePluginJar();
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        return plugins;
    }

    private ServerProcess start(boolean withPlugin) throws Exception {
        Path data = work.resolve("data");
        Files.createDirectories(data);
        Path pluginsDir = withPlugin ? plugins() : work.resolve("no-plugins");
        return ServerProcess.startModule(work, "--plugins-dir", pluginsDir.toString(), "--dir", data.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<String> range(Jedis j, String key) {
        return ((List<byte[]>) j.sendCommand(RING_RANGE, key)).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void ringsSurviveAnAofRewriteInBothBaseForms() throws Exception {
        Path data = work.resolve("aof");
        Files.createDirectories(data);
        for (String preamble : new String[] {"no", "yes"}) {
            String[] args = {"--plugins-dir", plugins().toString(), "--dir", data.toString(), "--appendonly", "yes",
                    "--aof-use-rdb-preamble", preamble};
            try (ServerProcess s = ServerProcess.startModule(work, args);
                 Jedis j = new Jedis("127.0.0.1", s.port(), 10_000)) {
                String key = "ring-" + preamble;
                String[] many = new String[2 + 200];
                many[0] = key;
                many[1] = "150";
                for (int i = 0; i < 200; i++) {
                    many[2 + i] = "e" + i;
                }
                assertEquals(150L, j.sendCommand(RING_PUSH, many));
                assertEquals("Background append only file rewriting started", j.bgrewriteaof());
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!j.info("persistence").contains("aof_rewrite_in_progress:0")) {
                    assertTrue(System.nanoTime() < deadline, "rewrite still running");
                    Thread.onSpinWait();
                }
                assertTrue(j.info("persistence").contains("aof_last_bgrewrite_status:ok"));
            }
            Path base = data.resolve("appendonlydir").resolve("appendonly.aof."
                    + (preamble.equals("no") ? "2.base.aof" : "3.base.rdb"));
            String text = Files.readString(base, StandardCharsets.ISO_8859_1);
            assertTrue(preamble.equals("yes") || text.contains("RING.PUSH"), "the plugin's rewrite commands: " + base);
            try (ServerProcess s = ServerProcess.startModule(work, args);
                 Jedis j = new Jedis("127.0.0.1", s.port(), 10_000)) {
                List<String> expected = new java.util.ArrayList<>();
                for (int i = 50; i < 200; i++) {
                    expected.add("e" + i);
                }
                assertEquals(expected, range(j, "ring-no"));
                if (preamble.equals("yes")) {
                    assertEquals(expected, range(j, "ring-yes"));
                }
            }
        }
    }

    @Test
    void ringsSurviveSaveAndRestart() throws Exception {
        try (ServerProcess s = start(true); Jedis j = new Jedis("127.0.0.1", s.port(), 10_000)) {
            assertEquals(2L, j.sendCommand(RING_PUSH, "events", "3", "a", "b"));
            assertEquals(3L, j.sendCommand(RING_PUSH, "events", "3", "c", "d"));
            assertEquals(List.of("b", "c", "d"), range(j, "events"));
            j.select(5);
            String[] many = new String[2 + 500];
            many[0] = "big";
            many[1] = "1000";
            for (int i = 0; i < 500; i++) {
                many[2 + i] = "element-" + i + "-" + "x".repeat(i % 50);
            }
            assertEquals(500L, j.sendCommand(RING_PUSH, many));
            j.pexpire("big", 3_600_000);
            assertEquals("ring-buff", j.type("big"));
            assertEquals("raw", j.objectEncoding("big"));
            assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value",
                    assertThrows(JedisDataException.class, () -> j.get("big")).getMessage());
            assertTrue(j.copy("big", "big-copy", false));
            j.sendCommand(RING_PUSH, "big-copy", "1000", "only-in-the-copy");
            assertEquals(500L, j.sendCommand(RING_LEN, "big"));
            assertEquals("OK", j.save());
        }
        assertTrue(Files.exists(work.resolve("data").resolve("dump.rdb")));
        try (ServerProcess s = start(true); Jedis j = new Jedis("127.0.0.1", s.port(), 10_000)) {
            assertEquals(List.of("b", "c", "d"), range(j, "events"));
            assertEquals("ring-buff", j.type("events"));
            j.select(5);
            List<String> big = range(j, "big");
            assertEquals(500, big.size());
            assertEquals("element-499-" + "x".repeat(49), big.get(499));
            assertTrue(j.pttl("big") > 3_000_000, "the TTL came back too");
            assertEquals(501L, j.sendCommand(RING_LEN, "big-copy"));
            // RING.PUSH's capacity is the one saved: pushing more drops the oldest.
            j.select(0);
            assertEquals(3L, j.sendCommand(RING_PUSH, "events", "3", "e"));
            assertEquals(List.of("c", "d", "e"), range(j, "events"));
        }

        // Without the plugin the server refuses the file, naming the type, and does not start.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(false));
        assertTrue(e.getMessage().contains(
                "The RDB file contains module data I can't load: no matching module type 'ring-buff'"), e.getMessage());
        assertTrue(e.getMessage().contains("dump.rdb"), e.getMessage());
    }

    @Test
    void dumpAndRestoreRoundTripAndCorruptPayloadsAreRefused() throws Exception {
        try (ServerProcess s = start(true); Jedis j = new Jedis("127.0.0.1", s.port(), 10_000)) {
            j.sendCommand(RING_PUSH, "r", "3", "one", "two", "3");
            byte[] payload = j.dump("r");
            assertEquals(7, payload[0], "RDB_TYPE_MODULE_2");
            assertEquals("OK", j.restore("r2", 0, payload));
            assertEquals(List.of("one", "two", "3"), range(j, "r2"));
            assertEquals("ring-buff", j.type("r2"));
            assertEquals("BUSYKEY Target key name already exists.",
                    assertThrows(JedisDataException.class, () -> j.restore("r2", 0, payload)).getMessage());

            // body: 07, module id (0x81 + 8 bytes), UINT capacity (02 03), UINT size (02 03), ...
            assertArrayEquals(new byte[] {2, 3, 2, 3}, Arrays.copyOfRange(payload, 10, 14));
            byte[] body = Arrays.copyOf(payload, payload.length - 10);
            body[13] = 5; // five elements in a ring of three: the type's load refuses it
            assertEquals("ERR Bad data format",
                    assertThrows(JedisDataException.class, () -> j.restore("bad1", 0, withFooter(body))).getMessage());
            byte[] cut = Arrays.copyOf(body, body.length - 4); // the last element and EOF cut off
            assertEquals("ERR Bad data format",
                    assertThrows(JedisDataException.class, () -> j.restore("bad2", 0, withFooter(cut))).getMessage());
            byte[] flipped = payload.clone();
            flipped[12] ^= 1;
            assertEquals("ERR DUMP payload version or checksum are wrong",
                    assertThrows(JedisDataException.class, () -> j.restore("bad3", 0, flipped)).getMessage());
            assertFalse(j.exists("bad1") || j.exists("bad2") || j.exists("bad3"));
        }
    }

    /** A DUMP footer for {@code body}: RDB version 10 and Redis's CRC64 (Jones, reflected) of both. */
    private static byte[] withFooter(byte[] body) {
        byte[] p = Arrays.copyOf(body, body.length + 10);
        p[body.length] = 10;
        long poly = Long.reverse(0xad93d23594c935a9L);
        long crc = 0;
        for (int i = 0; i < body.length + 2; i++) {
            crc ^= p[i] & 0xff;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ poly : crc >>> 1;
            }
        }
        for (int i = 0; i < 8; i++) {
            p[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        return p;
    }
}
