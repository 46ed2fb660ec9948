package io.pyredis.commands.hyperloglog;

import io.pyredis.testkit.Harness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The representation through the commands, in the test harness: promotion, corrupt values, estimates. */
class HllTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] value(Harness h, String key) {
        return h.db().get(b(key), io.pyredis.api.RedisString.class).bytes();
    }

    private static void pfadd(Harness h, String key, Random rnd, int n) {
        byte[][] argv = new byte[n + 2][];
        argv[0] = b("PFADD");
        argv[1] = b(key);
        for (int i = 0; i < n; i++) {
            argv[i + 2] = b(Long.toString(rnd.nextLong()));
        }
        h.call(argv);
    }

    @Test
    void aNewHllIsOneXzeroWithTheCacheInvalid() {
        Harness h = new Harness();
        assertEquals(":1\r\n", h.call("PFADD", "h"));
        byte[] v = value(h, "h");
        byte[] expected = new byte[18];
        System.arraycopy(b("HYLL"), 0, expected, 0, 4);
        expected[4] = 1;
        expected[16] = 0x7f; // XZERO of 16384: 0x40 | (16383 >> 8), then 16383 & 0xff
        expected[17] = (byte) 0xff;
        expected[15] = (byte) 0x80; // PFADD invalidates the cache even when it only created the key
        assertArrayEquals(expected, v);
        assertEquals(":0\r\n", h.call("PFCOUNT", "h"));
        assertEquals(":0\r\n", h.call("PFADD", "h"));
    }

    @Test
    void sparseGrowsUpToTheConfiguredLimitThenTurnsDense() {
        for (int limit : new int[] {0, 40, 300, 3000}) {
            Harness h = new Harness();
            h.config.put("hll-sparse-max-bytes", Integer.toString(limit));
            Random rnd = new Random(limit);
            int lastSparse = 0;
            boolean dense = false;
            for (int i = 0; i < 4000 && !dense; i++) {
                pfadd(h, "h", rnd, 1);
                byte[] v = value(h, "h");
                if (v[4] == Hll.SPARSE) {
                    assertTrue(v.length <= Math.max(limit, 21), "limit " + limit + ": sparse of " + v.length);
                    lastSparse = v.length;
                } else {
                    assertEquals(Hll.DENSE_SIZE, v.length);
                    dense = true;
                }
            }
            assertTrue(dense, "limit " + limit + " never turned dense");
            // A split adds at most 3 bytes: promotion comes when the next one would not fit.
            assertTrue(limit == 0 || lastSparse > limit - 3, "limit " + limit + ": promoted at " + lastSparse);
        }
    }

    @Test
    void denseAndSparseGiveTheSameEstimate() {
        Random rnd = new Random(7);
        for (int n : new int[] {1, 10, 100, 500, 1000}) {
            Harness h = new Harness();
            h.call("PFADD", "d");
            h.call("PFDEBUG", "TODENSE", "d");
            String[] els = new String[n];
            for (int i = 0; i < n; i++) {
                els[i] = Long.toString(rnd.nextLong());
                h.call("PFADD", "s", els[i]);
                h.call("PFADD", "d", els[i]);
            }
            assertEquals("+sparse\r\n", h.call("PFDEBUG", "ENCODING", "s"));
            assertEquals(h.call("PFCOUNT", "s"), h.call("PFCOUNT", "d"));
            long card = Long.parseLong(h.call("PFCOUNT", "d").substring(1).trim());
            assertTrue(Math.abs(card - n) <= Math.max(1, n * 0.05), n + " estimated " + card);
            // Merging the sparse one into an empty key gives the dense one's registers.
            h.call("PFMERGE", "m", "s");
            h.call("PFDEBUG", "TODENSE", "m");
            byte[] m = value(h, "m");
            byte[] d = value(h, "d");
            assertArrayEquals(Arrays.copyOfRange(d, 16, d.length), Arrays.copyOfRange(m, 16, m.length));
        }
    }

    @Test
    void pfcountCachesTheEstimateInTheValue() {
        Harness h = new Harness();
        h.call("PFADD", "h", "a", "b", "c");
        assertEquals((byte) 0x80, value(h, "h")[15]);
        assertEquals(":3\r\n", h.call("PFCOUNT", "h"));
        byte[] v = value(h, "h");
        assertEquals(3, v[8]);
        assertEquals(0, v[15]);
        // A cached value is believed, as Redis does.
        v = v.clone();
        v[8] = 42;
        h.call(b("SET"), b("h"), v);
        assertEquals(":42\r\n", h.call("PFCOUNT", "h"));
    }

    @Test
    void corruptValuesAreRepliesNeverCrashes() {
        Random rnd = new Random(15);
        Harness h = new Harness();
        h.call("PFADD", "x");
        for (int round = 0; round < 400; round++) {
            h.call(b("SET"), b("h"), value(h, "x"));
            pfadd(h, "h", rnd, rnd.nextInt(round % 2 == 0 ? 300 : 3000));
            byte[] v = value(h, "h").clone();
            int changes = 1 + rnd.nextInt(5);
            for (int i = 0; i < changes; i++) {
                v[rnd.nextInt(v.length)] = (byte) rnd.nextInt(256);
            }
            if (rnd.nextInt(4) == 0) {
                v = Arrays.copyOf(v, 16 + rnd.nextInt(v.length - 15));
            }
            h.call(b("SET"), b("h"), v);
            for (String[] cmd : new String[][] {{"PFCOUNT", "h"}, {"PFCOUNT", "h", "x"}, {"PFADD", "h", "a", "b"},
                                                 {"PFMERGE", "m", "h"}, {"PFDEBUG", "DECODE", "h"},
                                                 {"PFDEBUG", "GETREG", "h"}}) {
                String reply = h.call(cmd);
                assertFalse(reply.contains("internal error"), Arrays.toString(cmd) + ": " + reply);
            }
        }
    }

    @Test
    void anXzeroCutShortReadsZeroPastTheEnd() {
        Harness h = new Harness();
        h.call("PFADD", "h");
        byte[] v = value(h, "h");
        // The XZERO's second byte is missing: 0x7f then nothing, read as 0x7f00 + 1 = 16129 registers.
        h.call(b("SET"), b("h"), Arrays.copyOf(v, 17));
        assertEquals("$7\r\nZ:16129\r\n", h.call("PFDEBUG", "DECODE", "h"));
        assertEquals("-INVALIDOBJ Corrupted HLL object detected\r\n", h.call("PFCOUNT", "h"));
        assertEquals("-INVALIDOBJ Corrupted HLL object detected\r\n", h.call("PFMERGE", "m", "h"));
        assertEquals("-INVALIDOBJ Corrupted HLL object detected\r\n", h.call("PFDEBUG", "TODENSE", "h"));
    }

    @Test
    void denseOfTheWrongLengthIsNotAnHll() {
        Harness h = new Harness();
        h.call("PFADD", "h", "a");
        h.call("PFDEBUG", "TODENSE", "h");
        byte[] v = value(h, "h");
        for (byte[] bad : new byte[][] {Arrays.copyOf(v, v.length - 1), Arrays.copyOf(v, v.length + 1),
                                        Arrays.copyOf(v, 15)}) {
            h.call(b("SET"), b("h"), bad);
            assertEquals("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n", h.call("PFCOUNT", "h"));
            assertEquals("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n", h.call("PFADD", "h", "x"));
        }
    }

    @Test
    void selfTestPasses() {
        assertEquals("+OK\r\n", new Harness().call("PFSELFTEST"));
    }
}
