package io.pyredis.commands.bitmaps;

import io.lettuce.core.BitFieldArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.BitCountOption;
import redis.clients.jedis.args.BitOP;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.BitPosParams;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bitmaps pack in a real server (found on the class path), through Jedis (RESP2) and Lettuce (RESP3). */
class BitmapsClientsTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jedisSetbitGetbitBitcountBitpos() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            assertFalse(j.setbit("j:b", 7, true));
            assertTrue(j.setbit("j:b", 7, false));
            assertFalse(j.getbit("j:b", 7));
            j.setbit("j:b", 1000, true);
            assertTrue(j.getbit("j:b", 1000));
            assertEquals(126, j.strlen("j:b"));
            assertEquals(1, j.bitcount("j:b"));
            assertEquals(1000, j.bitpos("j:b", true));
            assertEquals(0, j.bitpos("j:b", false));
            assertEquals(1, j.bitcount("j:b", 1000, 1000, BitCountOption.BIT));
            assertEquals(0, j.bitcount("j:b", 0, 999, BitCountOption.BIT));
            assertEquals(1000, j.bitpos("j:b", true, new BitPosParams(-10, -1)));
            j.set("j:s", "foobar");
            assertEquals(26, j.bitcount("j:s"));
            assertEquals(6, j.bitcount("j:s", 1, 1));
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.setbit("j:s", -1, true));
            assertEquals("ERR bit offset is not an integer or out of range", e.getMessage());
        }
    }

    @Test
    void jedisBitopAndBitfield() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.set("j:a", "foobar");
            j.set("j:c", "abcdef");
            assertEquals(6, j.bitop(BitOP.AND, "j:d", "j:a", "j:c"));
            assertEquals("`bc`ab", j.get("j:d"));
            assertEquals(6, j.bitop(BitOP.NOT, "j:d", "j:a"));
            assertEquals(0, j.bitop(BitOP.OR, "j:d", "j:nothing"));
            assertFalse(j.exists("j:d"));
            assertEquals(Arrays.asList(0L, 100L, 101L), j.bitfield("j:f",
                    "SET", "u8", "#1", "100", "GET", "u8", "8", "INCRBY", "u8", "8", "1"));
            assertEquals(Arrays.asList(255L, null), j.bitfield("j:f",
                    "OVERFLOW", "SAT", "INCRBY", "u8", "8", "1000", "OVERFLOW", "FAIL", "INCRBY", "u8", "8", "1"));
            assertEquals(List.of(255L), j.bitfieldReadonly("j:f", "GET", "u8", "8"));
            JedisDataException e = assertThrows(JedisDataException.class,
                    () -> j.bitfield("j:f", "GET", "u64", "0"));
            assertEquals("ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.",
                    e.getMessage());
        }
    }

    @Test
    void aBitmapIsAnOrdinaryString() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.set("j:g", "abc");
            j.setbit("j:g", 3, true); // 'a' 0x61 becomes 'q' 0x71
            assertEquals("qbc", j.get("j:g"));
            assertEquals("raw", j.objectEncoding("j:g"));
            assertEquals(6, j.append("j:g", "def"));
            assertEquals(8, j.setrange("j:g", 6, "gh"));
            j.setbit("j:g", 63, true); // 'h' 0x68 becomes 'i'
            assertEquals("qbcdefgi", j.get("j:g"));
            assertEquals("bc", j.getrange("j:g", 1, 2));
            byte[] dump = j.dump("j:g");
            j.restore("j:h", 0, dump);
            assertEquals("qbcdefgi", j.get("j:h"));
        }
    }

    @Test
    void aLargeBitmapChangedAtRandomMatchesAModel() {
        // Many SETBITs at random offsets in one string: in place, so fast, and never corrupting.
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            Random r = new Random(3);
            int bits = 1 << 20;
            byte[] model = new byte[bits / 8];
            for (int i = 0; i < 3000; i++) {
                int off = r.nextInt(bits);
                boolean on = r.nextBoolean();
                boolean old = (model[off >> 3] & (0x80 >> (off & 7))) != 0;
                assertEquals(old, j.setbit("j:big", off, on));
                model[off >> 3] = (byte) (on ? model[off >> 3] | (0x80 >> (off & 7)) : model[off >> 3] & ~(0x80 >> (off & 7)));
            }
            byte[] got = j.get("j:big".getBytes());
            assertArrayEquals(Arrays.copyOf(model, got.length), got);
            long count = 0;
            for (byte b : got) {
                count += Integer.bitCount(b & 0xFF);
            }
            assertEquals(count, j.bitcount("j:big"));
        }
    }

    @Test
    void lettuceOverResp3() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> r = c.sync();
            assertEquals(0, r.setbit("l:b", 9, 1));
            assertEquals(1, r.getbit("l:b", 9));
            assertEquals(1, r.bitcount("l:b"));
            assertEquals(9, r.bitpos("l:b", true));
            List<Long> got = r.bitfield("l:f", BitFieldArgs.Builder.set(BitFieldArgs.signed(8), 0, -5)
                    .get(BitFieldArgs.signed(8), 0).overflow(BitFieldArgs.OverflowType.FAIL)
                    .incrBy(BitFieldArgs.signed(8), 0, -200));
            assertEquals(Arrays.asList(0L, -5L, null), got);
        } finally {
            client.shutdown();
        }
    }
}
