package io.pyredis.commands.keys;

import io.pyredis.testkit.Harness;

import io.pyredis.api.Database;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisString;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SORT and SORT_RO against the table recorded from redis-server 7.0.15 by
 * {@code record-sort-table.py}: the same data (built here through the api) and the same
 * commands must give the same bytes.
 */
class SortTableTest {

    private final Harness h = new Harness();

    @Test
    void everyRecordedReplyMatches() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/sort-redis-7.0.15.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
        int cases = 0;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            byte[][] args = new byte[f.length - 1][];
            for (int k = 1; k < f.length; k++) {
                args[k - 1] = unescape(f[k]);
            }
            if (f[0].equals("!")) {
                setup(args);
            } else if (f[0].equals(">")) {
                String expected = new String(unescape(lines.get(++i).substring(2)), StandardCharsets.ISO_8859_1);
                String actual = h.call(args);
                cases++;
                if (!expected.equals(actual)) {
                    mismatches.add(line.substring(2) + "\n    redis:   " + lines.get(i).substring(2)
                            + "\n    pyredis: " + escape(actual));
                }
            } else {
                throw new AssertionError("bad line " + (i + 1) + ": " + line);
            }
        }
        assertTrue(cases >= 200, "table loaded: " + cases);
        assertEquals(0, mismatches.size(), mismatches.size() + " of " + cases + " differ:\n"
                + String.join("\n", mismatches));
    }

    /** The table's setup commands, done through the api as another pack would store values. */
    private void setup(byte[][] a) {
        Database db = h.db();
        String cmd = new String(a[0], StandardCharsets.US_ASCII);
        byte[] key = a.length > 1 ? a[1] : null;
        switch (cmd) {
            case "flushall" -> db.clear();
            case "del" -> db.delete(key);
            case "set" -> db.set(key, RedisString.of(a[2]));
            case "pexpire" -> db.expireAt(key, h.now() + Numbers.parseLong(a[2]));
            case "rpush" -> {
                RedisList l = db.get(key, RedisList.class);
                if (l == null) {
                    l = db.createList();
                    db.set(key, l);
                }
                for (int i = 2; i < a.length; i++) {
                    l.push(false, a[i]);
                }
                db.modified(key);
            }
            case "sadd" -> {
                RedisSet s = db.get(key, RedisSet.class);
                if (s == null) {
                    s = db.createSet();
                    db.set(key, s);
                }
                for (int i = 2; i < a.length; i++) {
                    s.add(a[i]);
                }
                db.modified(key);
            }
            case "zadd" -> {
                RedisSortedSet z = db.get(key, RedisSortedSet.class);
                if (z == null) {
                    z = db.createSortedSet();
                    db.set(key, z);
                }
                for (int i = 2; i < a.length; i += 2) {
                    z.put(a[i + 1], Numbers.parseDouble(a[i]));
                }
                db.modified(key);
            }
            case "hset" -> {
                RedisHash hash = db.get(key, RedisHash.class);
                if (hash == null) {
                    hash = db.createHash();
                    db.set(key, hash);
                }
                for (int i = 2; i < a.length; i += 2) {
                    hash.put(a[i], a[i + 1]);
                }
                db.modified(key);
            }
            default -> throw new AssertionError("unknown setup command " + cmd);
        }
    }

    static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\\' -> out.write('\\');
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("bad escape in " + s);
            }
        }
        return out.toByteArray();
    }

    static String escape(String resp) {
        StringBuilder b = new StringBuilder();
        for (char c : resp.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c >= 32 && c < 127) {
                        b.append(c);
                    } else {
                        b.append(String.format("\\x%02x", (int) c));
                    }
                }
            }
        }
        return b.toString();
    }
}
