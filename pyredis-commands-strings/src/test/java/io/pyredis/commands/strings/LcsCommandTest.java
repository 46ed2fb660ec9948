package io.pyredis.commands.strings;

import io.pyredis.testkit.Harness;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.bulk;
import static io.pyredis.testkit.Resp.err;
import static io.pyredis.testkit.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LCS; expected replies taken from redis-server 7.0.15. */
class LcsCommandTest {

    private static final String TOO_MUCH =
            err("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");

    private final Harness h = new Harness();

    @Test
    void examplesFromTheRedisDocs() {
        h.call("MSET", "key1", "ohmytext", "key2", "mynewtext");
        assertEquals(bulk("mytext"), h.call("LCS", "key1", "key2"));
        assertEquals(integer(6), h.call("LCS", "key1", "key2", "LEN"));
        assertEquals("*4\r\n$7\r\nmatches\r\n*2\r\n"
                        + "*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n"
                        + "*2\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n"
                        + "$3\r\nlen\r\n:6\r\n",
                h.call("LCS", "key1", "key2", "IDX"));
        assertEquals("*4\r\n$7\r\nmatches\r\n*1\r\n"
                        + "*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n"
                        + "$3\r\nlen\r\n:6\r\n",
                h.call("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4"));
        assertEquals("*4\r\n$7\r\nmatches\r\n*1\r\n"
                        + "*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n"
                        + "$3\r\nlen\r\n:6\r\n",
                h.call("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"));
    }

    @Test
    void resp3RepliesAMap() {
        h.resp3();
        h.call("MSET", "key1", "ohmytext", "key2", "mynewtext");
        assertEquals("%2\r\n$7\r\nmatches\r\n*1\r\n"
                        + "*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n"
                        + "$3\r\nlen\r\n:6\r\n",
                h.call("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4"));
    }

    @Test
    void missingKeysAreEmptyStrings() {
        h.call("SET", "a", "text");
        assertEquals("$0\r\n\r\n", h.call("LCS", "a", "missing"));
        assertEquals("*4\r\n$7\r\nmatches\r\n*0\r\n$3\r\nlen\r\n:0\r\n", h.call("LCS", "m1", "m2", "IDX"));
    }

    @Test
    void options() {
        h.call("MSET", "key1", "ohmytext", "key2", "mynewtext");
        assertEquals(err("ERR If you want both the length and indexes, please just use IDX."),
                h.call("LCS", "key1", "key2", "LEN", "IDX"));
        assertEquals(SYNTAX, h.call("LCS", "key1", "key2", "MINMATCHLEN"));
        assertEquals(SYNTAX, h.call("LCS", "key1", "key2", "foo"));
        assertEquals(NOT_INTEGER, h.call("LCS", "key1", "key2", "MINMATCHLEN", "x"));
        assertEquals(integer(6), h.call("LCS", "key1", "key2", "len", "withmatchlen"));
        assertEquals(bulk("mytext"), h.call("LCS", "key1", "key2", "WITHMATCHLEN"));
        String negative = h.call("LCS", "key1", "key2", "MINMATCHLEN", "-5", "IDX", "WITHMATCHLEN");
        assertTrue(negative.contains(":2\r\n:3\r\n*2\r\n:0\r\n:1\r\n:2\r\n"), "a negative minimum is 0: " + negative);
    }

    @Test
    void wrongTypeHasItsOwnErrorCheckedFirst() {
        h.call("SET", "a", "text");
        h.storeNonString("l");
        String error = err("ERR The specified keys must contain string values");
        assertEquals(error, h.call("LCS", "a", "l"));
        assertEquals(error, h.call("LCS", "l", "a", "foo"));
    }

    @Test
    void refusesTablesBeyondProtoMaxBulkLen() {
        h.config.put("proto-max-bulk-len", "1048576");
        h.call("SET", "a", "a".repeat(600));
        h.call("SET", "b", "a".repeat(600));
        assertEquals(TOO_MUCH, h.call("LCS", "a", "b", "LEN"), "601 * 601 * 4 bytes > 1 MB");
        assertEquals(TOO_MUCH, h.call("LCS", "a", "b"));
        h.call("SET", "b", "a".repeat(400));
        assertEquals(integer(400), h.call("LCS", "a", "b", "LEN"), "601 * 401 * 4 bytes < 1 MB");
        assertEquals(bulk("a".repeat(400)), h.call("LCS", "a", "b"));
    }

    @Test
    void hostileSizesAreRefusedWithoutAllocating() {
        // 16 KB strings: Redis's table would be over 1 GB; the default limit (512 MB) refuses it.
        byte[] big = new byte[16 << 10];
        h.db().set("a".getBytes(StandardCharsets.UTF_8), io.pyredis.api.RedisString.of(big));
        h.db().set("b".getBytes(StandardCharsets.UTF_8), io.pyredis.api.RedisString.of(big));
        assertEquals(TOO_MUCH, h.call("LCS", "a", "b"));
        assertEquals(TOO_MUCH, h.call("LCS", "a", "b", "IDX"));
    }

    @Test
    void largeInputsWithinTheLimitNeedNoLargeTable() {
        // Redis would allocate a 256 MB table here; this needs two rows and 8 MB of bits.
        String a = "ab".repeat(4000);
        String b = "ba".repeat(4000);
        h.call("SET", "a", a);
        h.call("SET", "b", b);
        assertEquals(integer(7999), h.call("LCS", "a", "b", "LEN"));
        assertEquals(bulk(a.substring(1)), h.call("LCS", "a", "b"));
        assertEquals("*4\r\n$7\r\nmatches\r\n*1\r\n*2\r\n*2\r\n:1\r\n:7999\r\n*2\r\n:0\r\n:7998\r\n"
                + "$3\r\nlen\r\n:7999\r\n", h.call("LCS", "a", "b", "IDX"));
    }

    /** Every line of the table recorded from Redis 7.0.15 (random strings, every option mix). */
    @Test
    void matchesRedisOnRandomStrings() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/lcs-redis-7.0.15.tsv"));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                h.call("SET", "a", c[0]);
                h.call("SET", "b", c[1]);
                List<String> args = new ArrayList<>(List.of("LCS", "a", "b"));
                if (!c[2].isEmpty()) {
                    args.addAll(Arrays.asList(c[2].split(" ")));
                }
                String want = c[3].replace("\\r\\n", "\r\n");
                String got = h.call(args.toArray(new String[0]));
                if (!want.equals(got)) {
                    mismatches.add(line + " => " + got.replace("\r\n", "\\r\\n"));
                }
                n++;
            }
        }
        assertEquals(150, n);
        assertEquals(List.of(), mismatches);
    }
}
