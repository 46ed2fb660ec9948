package io.pyredis.storage;

import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.internal.rdb.Crc64;
import io.pyredis.storage.internal.rdb.Lzf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class RdbTest {

    private static final long NOW = 1_700_000_000_000L;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A keyspace with every type in every encoding, TTLs and three databases. */
    static Keyspace sample() {
        Keyspace ks = new Keyspace(16, new ManualClock(NOW));
        Database db0 = ks.db(0);
        db0.set(b("int"), RedisString.of(12345));
        db0.set(b("neg"), RedisString.of(-7));
        db0.set(b("big-int"), RedisString.of(Long.MIN_VALUE));
        db0.set(b("int11"), RedisString.of("12345678901"));
        db0.set(b("leading-zero"), RedisString.of("007"));
        db0.set(b("empty"), RedisString.of(new byte[0]));
        db0.set(b("short"), RedisString.of("hello"));
        db0.set(b("compressible"), RedisString.of("abcabcabcabcabcabcabcabcabcabcabcabcabcabc"));
        byte[] bin = new byte[100_000];
        new Random(1).nextBytes(bin);
        db0.set(b("binary"), RedisString.of(bin));
        db0.set(b("ttl"), RedisString.of("v"), NOW + 60_000);

        RedisList small = db0.createList();
        for (String e : new String[] {"a", "1", "-5000", "70000", "9000000", "3000000000", "x".repeat(100), "y".repeat(5000)}) {
            small.push(false, b(e));
        }
        db0.set(b("list-small"), small);
        RedisList big = db0.createList();
        for (int i = 0; i < 5000; i++) {
            big.push(false, b("element-" + i));
        }
        db0.set(b("list-big"), big, NOW + 3_600_000);

        RedisHash hs = db0.createHash();
        hs.put(b("f1"), b("v1"));
        hs.put(b("n"), b("42"));
        db0.set(b("hash-small"), hs);
        RedisHash hb = db0.createHash();
        for (int i = 0; i < 1000; i++) {
            hb.put(b("field" + i), b("value" + i));
        }
        db0.set(b("hash-big"), hb);

        Database db3 = ks.db(3);
        RedisSet is = db3.createSet();
        for (long v : new long[] {1, -2, 70000, 5_000_000_000L}) {
            is.add(b(Long.toString(v)));
        }
        db3.set(b("intset"), is);
        RedisSet ls = db3.createSet();
        ls.add(b("a"));
        ls.add(b("b"));
        db3.set(b("set-small"), ls);
        RedisSet hset = db3.createSet();
        for (int i = 0; i < 1000; i++) {
            hset.add(b("m" + i));
        }
        db3.set(b("set-big"), hset);

        Database db15 = ks.db(15);
        RedisSortedSet zs = db15.createSortedSet();
        zs.put(b("a"), 1);
        zs.put(b("b"), 2.5);
        zs.put(b("c"), -0.0);
        zs.put(b("d"), Double.POSITIVE_INFINITY);
        zs.put(b("e"), Double.NEGATIVE_INFINITY);
        zs.put(b("f"), 1e300);
        zs.put(b("g"), 0.1);
        db15.set(b("zset-small"), zs);
        RedisSortedSet zb = db15.createSortedSet();
        for (int i = 0; i < 1000; i++) {
            zb.put(b("member" + i), i * 1.5);
        }
        db15.set(b("zset-big"), zb, NOW + 10);
        return ks;
    }

    private static byte[] write(Keyspace ks, boolean compression, boolean checksum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rdb.write(ks, out, compression, checksum);
        return out.toByteArray();
    }

    private static Keyspace read(byte[] rdb) throws RdbLoadException {
        Keyspace ks = new Keyspace(16, new ManualClock(NOW));
        Rdb.load(ks, new ByteArrayInputStream(rdb), rdb.length, Path.of("test.rdb"));
        return ks;
    }

    @Test
    void everyTypeAndEncodingRoundTrips() throws Exception {
        Keyspace ks = sample();
        Map<String, String> before = KeyspaceContents.of(ks);
        assertEquals(19, before.size());
        for (boolean compression : new boolean[] {true, false}) {
            for (boolean checksum : new boolean[] {true, false}) {
                Keyspace back = read(write(ks, compression, checksum));
                assertEquals(before, KeyspaceContents.of(back), "compression " + compression + " checksum " + checksum);
            }
        }
    }

    @Test
    void encodingsSurviveTheRoundTrip() throws Exception {
        Keyspace back = read(write(sample(), true, true));
        assertEquals("quicklist", back.db(0).peek(b("list-small")).encoding(), "every list, as Redis 7.0");
        assertEquals("quicklist", back.db(0).peek(b("list-big")).encoding());
        assertEquals("listpack", back.db(0).peek(b("hash-small")).encoding());
        assertEquals("hashtable", back.db(0).peek(b("hash-big")).encoding());
        assertEquals("intset", back.db(3).peek(b("intset")).encoding());
        assertEquals("hashtable", back.db(3).peek(b("set-big")).encoding());
        assertEquals("listpack", back.db(15).peek(b("zset-small")).encoding());
        assertEquals("skiplist", back.db(15).peek(b("zset-big")).encoding());
        assertEquals(NOW + 60_000, back.db(0).expireAt(b("ttl")));
    }

    @Test
    void headerAndChecksum() throws Exception {
        byte[] rdb = write(sample(), true, true);
        assertEquals("REDIS0010", new String(rdb, 0, 9, StandardCharsets.US_ASCII));
        assertEquals(0xFF, rdb[rdb.length - 9] & 0xff);
        long crc = Crc64.update(0, rdb, 0, rdb.length - 8);
        long stored = 0;
        for (int i = 7; i >= 0; i--) {
            stored = (stored << 8) | (rdb[rdb.length - 8 + i] & 0xff);
        }
        assertEquals(crc, stored);
        byte[] noCrc = write(sample(), true, false);
        for (int i = 1; i <= 8; i++) {
            assertEquals(0, noCrc[noCrc.length - i]);
        }
    }

    @Test
    void expiredKeysAreNotLoaded() throws Exception {
        byte[] rdb = write(sample(), true, true);
        Keyspace later = new Keyspace(16, new ManualClock(NOW + 1000));
        Rdb.load(later, new ByteArrayInputStream(rdb), rdb.length, Path.of("x"));
        assertNull(later.db(15).peek(b("zset-big")));
        assertNotNull(later.db(0).peek(b("ttl")));
    }

    @Test
    void crc64CheckValue() {
        assertEquals(0xe9c6d914c4b8d9caL, Crc64.of(b("123456789")));
    }

    @Test
    void lzfRoundTrips() {
        Random r = new Random(7);
        for (int i = 0; i < 500; i++) {
            int n = 21 + r.nextInt(3000);
            byte[] in = new byte[n];
            int alphabet = 1 + r.nextInt(20);
            for (int k = 0; k < n; k++) {
                in[k] = (byte) ('a' + r.nextInt(alphabet));
            }
            byte[] c = new byte[n - 4];
            int clen = Lzf.compress(in, n, c);
            if (clen == 0) {
                continue;
            }
            byte[] back = new byte[n];
            assertTrue(Lzf.decompress(c, 0, clen, back));
            assertArrayEquals(in, back);
        }
    }

    @Test
    void aReusedLzfTableCompressesAsAFreshOne() {
        Random rnd = new Random(3);
        Lzf.Table table = new Lzf.Table();
        for (int i = 0; i < 3000; i++) {
            byte[] in = new byte[5 + rnd.nextInt(i % 10 == 0 ? 20_000 : 200)];
            for (int k = 0; k < in.length; k++) {
                in[k] = (byte) ('a' + rnd.nextInt(1 + i % 7));
            }
            byte[] fresh = new byte[in.length];
            byte[] reused = new byte[in.length];
            int a = Lzf.compress(in, in.length, fresh);
            int b = Lzf.compress(in, in.length, reused, table);
            assertEquals(a, b);
            assertArrayEquals(fresh, reused, "input " + i);
        }
    }

    @Test
    void badMagicIsRefusedAtOffsetZero() {
        byte[] rdb = b("NOTREDIS0010....");
        RdbLoadException e = assertThrows(RdbLoadException.class, () -> read(rdb));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("test.rdb"), e.getMessage());
    }

    @Test
    void badChecksumIsRefused() throws Exception {
        byte[] rdb = write(sample(), true, true);
        rdb[rdb.length - 1] ^= 1;
        RdbLoadException e = assertThrows(RdbLoadException.class, () -> read(rdb));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertEquals(rdb.length - 8, e.offset());
    }

    @Test
    void hugeDeclaredLengthsAreRefusedWithoutAllocating() throws Exception {
        // A string key whose value declares 2^62 bytes.
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(b("REDIS0010"));
        o.write(0); // string
        o.write(1);
        o.write('k');
        o.write(0x81);
        o.writeBytes(new byte[] {0x40, 0, 0, 0, 0, 0, 0, 0});
        byte[] rdb = o.toByteArray();
        RdbLoadException e = assertThrows(RdbLoadException.class, () -> read(rdb));
        assertEquals(12, e.offset(), e.getMessage());
        // A list declaring 2^32-1 elements.
        o = new ByteArrayOutputStream();
        o.writeBytes(b("REDIS0010"));
        o.write(1);
        o.write(1);
        o.write('k');
        o.write(0x80);
        o.writeBytes(new byte[] {-1, -1, -1, -1});
        byte[] rdb2 = o.toByteArray();
        assertThrows(RdbLoadException.class, () -> read(rdb2));
    }

    @Test
    void unknownTypeIsRefused() {
        byte[] rdb = Arrays.copyOf(b("REDIS0010"), 10);
        rdb[9] = (byte) 200;
        RdbLoadException e = assertThrows(RdbLoadException.class, () -> read(rdb));
        assertEquals(9, e.offset());
        assertTrue(e.getMessage().contains("unknown RDB type or opcode 200"), e.getMessage());
    }

    @Test
    void truncatedFileIsRefused() throws Exception {
        byte[] rdb = write(sample(), true, true);
        byte[] cut = Arrays.copyOf(rdb, rdb.length / 2);
        RdbLoadException e = assertThrows(RdbLoadException.class, () -> read(cut));
        assertTrue(e.offset() <= cut.length);
    }

    /** Random flips, truncations and splices of a valid dump: each loads or is refused, nothing else. */
    @Test
    void fuzzedFilesLoadOrAreRefused() throws Exception {
        Keyspace ks = sample();
        // A smaller image keeps each iteration cheap; the big binary string is left out.
        ks.db(0).delete(b("binary"));
        byte[] rdb = write(ks, true, false);
        byte[] rdbCrc = write(ks, true, true);
        Random r = new Random(42);
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] f = (i % 10 == 0 ? rdbCrc : rdb).clone();
            switch (r.nextInt(4)) {
                case 0:
                    for (int k = 1 + r.nextInt(4); k > 0; k--) {
                        f[9 + r.nextInt(f.length - 9)] ^= (byte) (1 << r.nextInt(8));
                    }
                    break;
                case 1:
                    f = Arrays.copyOf(f, r.nextInt(f.length));
                    break;
                case 2:
                    f[9 + r.nextInt(f.length - 9)] = (byte) r.nextInt(256);
                    break;
                default: {
                    int p = 9 + r.nextInt(f.length - 9);
                    byte[] junk = new byte[1 + r.nextInt(9)];
                    r.nextBytes(junk);
                    System.arraycopy(junk, 0, f, p, Math.min(junk.length, f.length - p));
                }
            }
            try {
                read(f);
            } catch (RdbLoadException e) {
                assertTrue(e.offset() >= 0 && e.offset() <= f.length, e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > 1000, "refused " + refused);
    }

    // ------------------------------------------------------------ DUMP / RESTORE

    @Test
    void dumpRestoresEveryValue() throws Exception {
        Keyspace ks = sample();
        for (int d : new int[] {0, 3, 15}) {
            Database db = ks.db(d);
            java.util.List<byte[]> keys = new java.util.ArrayList<>();
            db.forEachKey(keys::add);
            for (byte[] k : keys) {
                RedisValue v = db.peek(k);
                byte[] payload = Rdb.dump(v, true, ks.encodingLimits());
                RedisValue back = Rdb.restore(payload, ks.encodingLimits());
                assertEquals(KeyspaceContents.describe(v), KeyspaceContents.describe(back));
                assertEquals(v.encoding(), back.encoding(), new String(k));
            }
        }
    }

    @Test
    void dumpPayloadOfAStringMatchesRedis() {
        // redis 7.0.15: SET k hello; DUMP k
        byte[] expected = {0x00, 0x05, 'h', 'e', 'l', 'l', 'o', 0x0a, 0x00,
                0x63, 0x72, (byte) 0xdf, 0x76, 0x65, 0x34, 0x20, 0x0a};
        byte[] got = Rdb.dump(RedisString.of("hello"), true, new EncodingLimits());
        assertArrayEquals(expected, got, toHex(got));
    }

    @Test
    void corruptPayloadsGetRedisErrors() {
        byte[] p = Rdb.dump(RedisString.of("hello"), true, new EncodingLimits());
        byte[] flipped = p.clone();
        flipped[3] ^= 1;
        RedisError e = assertThrows(RedisError.class, () -> Rdb.restore(flipped, new EncodingLimits()));
        assertEquals("ERR DUMP payload version or checksum are wrong", e.getMessage());
        byte[] newer = p.clone();
        newer[p.length - 10] = 11;
        assertThrows(RedisError.class, () -> Rdb.restore(newer, new EncodingLimits()));
        assertEquals("ERR DUMP payload version or checksum are wrong",
                assertThrows(RedisError.class, () -> Rdb.restore(new byte[3], new EncodingLimits())).getMessage());
        // A valid footer over a body that is not a value.
        byte[] bad = withFooter(new byte[] {0x00, 0x3f, 'x'});
        assertEquals("ERR Bad data format",
                assertThrows(RedisError.class, () -> Rdb.restore(bad, new EncodingLimits())).getMessage());
        Random r = new Random(3);
        byte[] list = Rdb.dump(sample().db(0).peek(b("list-small")), true, new EncodingLimits());
        for (int i = 0; i < 2000; i++) {
            byte[] body = Arrays.copyOf(list, list.length - 10);
            body[r.nextInt(body.length)] ^= (byte) (1 << r.nextInt(8));
            byte[] f = withFooter(Arrays.copyOf(body, 1 + r.nextInt(body.length)));
            try {
                Rdb.restore(f, new EncodingLimits());
            } catch (RedisError err) {
                assertEquals("ERR Bad data format", err.getMessage());
            }
        }
    }

    static byte[] withFooter(byte[] body) {
        byte[] p = Arrays.copyOf(body, body.length + 10);
        p[body.length] = 10;
        long crc = Crc64.update(0, p, 0, body.length + 2);
        for (int i = 0; i < 8; i++) {
            p[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        return p;
    }

    static String toHex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    @Test
    void saveWritesTheFileAtomically(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("dump.rdb");
        Files.writeString(f, "old");
        Rdb.save(sample(), f, true, true);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
        Keyspace back = new Keyspace(16, new ManualClock(NOW));
        assertEquals(19, Rdb.load(back, f).keys());
        assertNull(Rdb.load(back, dir.resolve("missing.rdb")));
    }
}
