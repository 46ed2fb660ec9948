package io.pyredis.commands.keys;

import io.pyredis.testkit.Harness;

import io.pyredis.api.RedisString;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static io.pyredis.testkit.Resp.NOT_INTEGER;
import static io.pyredis.testkit.Resp.SYNTAX;
import static io.pyredis.testkit.Resp.err;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KEYS and SCAN: Redis's glob rules (recorded from redis-server 7.0.15), cursor parsing, the SCAN guarantee. */
class KeysScanTest {

    private static final String INVALID_CURSOR = err("ERR invalid cursor");

    private final Harness h = new Harness();

    @Test
    void keysMatchesAsRedisDoesOnTheRecordedTable() throws IOException {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        Set<String> allKeys = new TreeSet<>();
        HexFormat hex = HexFormat.of();
        try (InputStream in = getClass().getResourceAsStream("/glob-redis-7.0.15.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                allKeys.add(f[1]);
                Set<String> s = expected.computeIfAbsent(f[0], k -> new TreeSet<>());
                if (f[2].equals("1")) {
                    s.add(f[1]);
                }
            }
        }
        assertTrue(expected.size() >= 88, "table loaded");
        for (String k : allKeys) {
            h.db().set(hex.parseHex(k), RedisString.of("v"));
        }
        int mismatches = 0;
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            Set<String> got = new TreeSet<>();
            for (byte[] k : parseArray(h.call("KEYS".getBytes(), hex.parseHex(e.getKey())))) {
                got.add(hex.formatHex(k));
            }
            if (!got.equals(e.getValue())) {
                mismatches++;
                report.append("pattern ").append(e.getKey()).append(": redis ").append(e.getValue())
                        .append(" ours ").append(got).append('\n');
            }
        }
        assertEquals(0, mismatches, report.toString());
    }

    @Test
    void keysStarListsEverythingEvenTheEmptyKey() {
        h.set("", "v");
        h.set("a", "v");
        assertEquals(Set.of("", "a"), strings(h.call("KEYS", "*")));
        assertEquals(Set.of("a"), strings(h.call("KEYS", "**")), "only \"*\" itself skips matching");
        assertEquals("*0\r\n", new Harness().call("KEYS", "*"));
    }

    @Test
    void pathologicalPatternIsPrompt() {
        h.set("a".repeat(60_000), "v");
        h.set("b".repeat(60_000) + "c", "v");
        String pattern = "*?".repeat(50_000);
        // Redis 7.0 gives up past 1000 nested stars, so neither key matches; the point is
        // that this returns at once (exponential matching would never finish).
        assertEquals("*0\r\n", h.call("KEYS", pattern));
        assertEquals(Set.of(), strings(scanAll(h, "MATCH", pattern)));
        assertEquals(Set.of("a".repeat(60_000)), strings(h.call("KEYS", "*a".repeat(1000))));
        assertEquals(Set.of(), strings(h.call("KEYS", "*a".repeat(1001))));
    }

    @Test
    void scanReplyShapeAndOptions() {
        h.set("user:1", "v");
        h.set("user:2", "v");
        h.set("other", "v");
        h.storeList("list:1");
        assertEquals(Set.of("user:1", "user:2", "other", "list:1"), strings(scanAll(h)));
        assertEquals(Set.of("user:1", "user:2"), strings(scanAll(h, "MATCH", "user:*")));
        assertEquals(Set.of("list:1"), strings(scanAll(h, "TYPE", "list")));
        assertEquals(Set.of("user:1", "user:2", "other"), strings(scanAll(h, "type", "STRING")));
        assertEquals(Set.of(), strings(scanAll(h, "TYPE", "nosuchtype")));
        assertEquals(Set.of("user:2"), strings(scanAll(h, "MATCH", "*2", "TYPE", "string", "COUNT", "1")));
        String whole = h.call("SCAN", "0", "COUNT", "1000");
        assertTrue(whole.startsWith("*2\r\n$1\r\n0\r\n*4\r\n"), whole);
        assertEquals("*2\r\n$1\r\n0\r\n*0\r\n", new Harness().call("SCAN", "0"));
    }

    @Test
    void scanArgumentErrors() {
        assertEquals(INVALID_CURSOR, h.call("SCAN", "abc"));
        assertEquals(INVALID_CURSOR, h.call("SCAN", " 0"));
        assertEquals(INVALID_CURSOR, h.call("SCAN", "1 "));
        assertEquals(INVALID_CURSOR, h.call("SCAN", "-"));
        assertEquals(INVALID_CURSOR, h.call("SCAN", "18446744073709551616"));
        assertEquals(INVALID_CURSOR, h.call("SCAN", "0x10"));
        assertEquals(INVALID_CURSOR, h.call("SCAN", "abc", "COUNT", "0"), "the cursor is parsed first");
        assertEquals(SYNTAX, h.call("SCAN", "0", "COUNT", "0"));
        assertEquals(SYNTAX, h.call("SCAN", "0", "COUNT", "-1"));
        assertEquals(NOT_INTEGER, h.call("SCAN", "0", "COUNT", "abc"));
        assertEquals(NOT_INTEGER, h.call("SCAN", "0", "COUNT", "9223372036854775808"));
        assertEquals(SYNTAX, h.call("SCAN", "0", "MATCH"));
        assertEquals(SYNTAX, h.call("SCAN", "0", "TYPE"));
        assertEquals(SYNTAX, h.call("SCAN", "0", "foo", "bar"));
        assertEquals(err("ERR wrong number of arguments for 'scan' command"), h.call("SCAN"));
    }

    @Test
    void scanCursorsAreParsedAsRedis702Does() {
        assertEquals(0, ScanCommand.parseCursor(new byte[0]));
        assertEquals(0, ScanCommand.parseCursor("00".getBytes()));
        assertEquals(0, ScanCommand.parseCursor("+0".getBytes()));
        assertEquals(0, ScanCommand.parseCursor("-0".getBytes()));
        assertEquals(-1L, ScanCommand.parseCursor("-1".getBytes()));
        assertEquals(-1L, ScanCommand.parseCursor("18446744073709551615".getBytes()));
        assertEquals(1, ScanCommand.parseCursor("-18446744073709551615".getBytes()));
        assertEquals(12, ScanCommand.parseCursor("12\0junk".getBytes()), "C stops at the NUL");
        h.set("a", "v");
        assertEquals(Set.of("a"), strings(h.call("SCAN", "")));
        String top = h.call("SCAN", "18446744073709551615");
        assertTrue(top.startsWith("*2\r\n$1\r\n0\r\n"), top);
    }

    @Test
    void scanNeverReturnsExpiredKeys() {
        for (int i = 0; i < 100; i++) {
            h.set("k" + i, "v");
            if (i % 2 == 0) {
                h.call("PEXPIRE", "k" + i, "10");
            }
        }
        h.clock.advance(11);
        Set<String> got = strings(scanAll(h));
        assertEquals(50, got.size());
        assertTrue(got.stream().allMatch(k -> Integer.parseInt(k.substring(1)) % 2 == 1));
    }

    @Test
    void scanGuaranteeWhileKeysComeAndGo() {
        Random rnd = new Random(7);
        for (int round = 0; round < 20; round++) {
            Harness t = new Harness();
            Set<String> stable = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                t.set("stable:" + i, "v");
                stable.add("stable:" + i);
            }
            List<String> transientKeys = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                t.set("gone:" + i, "v");
                transientKeys.add("gone:" + i);
            }
            Set<String> seen = new HashSet<>();
            long cursor = 0;
            int calls = 0;
            int added = 0;
            do {
                String reply = t.call("SCAN", Long.toUnsignedString(cursor), "COUNT", Integer.toString(1 + rnd.nextInt(40)));
                cursor = Long.parseUnsignedLong(new String(parseArrayHead(reply), StandardCharsets.UTF_8));
                seen.addAll(strings(reply));
                // Grow (forcing the table to double) or shrink (forcing it to halve) between calls.
                if (round % 2 == 0) {
                    for (int i = 0; i < 60; i++) {
                        t.set("new:" + added++, "v");
                    }
                } else if (!transientKeys.isEmpty()) {
                    for (int i = 0; i < 40 && !transientKeys.isEmpty(); i++) {
                        t.call("DEL", transientKeys.remove(transientKeys.size() - 1));
                    }
                }
                assertTrue(++calls < 10_000, "iteration ends");
            } while (cursor != 0);
            Set<String> missing = new TreeSet<>(stable);
            missing.removeAll(seen);
            assertEquals(Set.of(), missing, "round " + round);
        }
    }

    // ------------------------------------------------------------ helpers

    private static String scanAll(Harness h, String... options) {
        // Concatenates the keys of every step into one fake array reply for strings().
        List<byte[]> all = new ArrayList<>();
        String cursor = "0";
        int calls = 0;
        do {
            String[] argv = new String[2 + options.length];
            argv[0] = "SCAN";
            argv[1] = cursor;
            System.arraycopy(options, 0, argv, 2, options.length);
            String reply = h.call(argv);
            cursor = new String(parseArrayHead(reply), StandardCharsets.UTF_8);
            all.addAll(parseArray(reply));
            assertTrue(++calls < 100_000);
        } while (!cursor.equals("0"));
        StringBuilder sb = new StringBuilder("*").append(all.size()).append("\r\n");
        for (byte[] k : all) {
            sb.append('$').append(k.length).append("\r\n").append(new String(k, StandardCharsets.ISO_8859_1))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /** The keys of a KEYS reply, or of the inner array of a SCAN reply. */
    static List<byte[]> parseArray(String resp) {
        byte[] b = resp.getBytes(StandardCharsets.ISO_8859_1);
        int[] pos = {0};
        int n = header(b, pos, '*');
        if (n == 2 && b[pos[0]] == '$' && isScanReply(resp)) {
            bulk(b, pos);
            n = header(b, pos, '*');
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(bulk(b, pos));
        }
        assertEquals(b.length, pos[0], "whole reply consumed: " + resp);
        return out;
    }

    private static boolean isScanReply(String resp) {
        // A SCAN reply's second element is an array; a two-key KEYS reply's is a bulk.
        byte[] b = resp.getBytes(StandardCharsets.ISO_8859_1);
        int[] pos = {0};
        header(b, pos, '*');
        bulk(b, pos);
        return pos[0] < b.length && b[pos[0]] == '*';
    }

    static byte[] parseArrayHead(String resp) {
        byte[] b = resp.getBytes(StandardCharsets.ISO_8859_1);
        int[] pos = {0};
        assertEquals(2, header(b, pos, '*'), resp);
        return bulk(b, pos);
    }

    private static int header(byte[] b, int[] pos, char type) {
        assertEquals(type, (char) b[pos[0]], "reply type");
        int end = pos[0];
        while (b[end] != '\r') {
            end++;
        }
        int n = Integer.parseInt(new String(b, pos[0] + 1, end - pos[0] - 1, StandardCharsets.US_ASCII));
        pos[0] = end + 2;
        return n;
    }

    private static byte[] bulk(byte[] b, int[] pos) {
        int n = header(b, pos, '$');
        byte[] out = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + n);
        pos[0] += n + 2;
        return out;
    }

    private static Set<String> strings(String resp) {
        Set<String> s = new HashSet<>();
        for (byte[] k : parseArray(resp)) {
            s.add(new String(k, StandardCharsets.UTF_8));
        }
        return s;
    }
}
