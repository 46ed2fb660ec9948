package io.pyredis.dist;

import io.pyredis.server.PyRedisServer;
import io.pyredis.testkit.RawClient;
import redis.clients.jedis.Jedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OBJECT ENCODING through every threshold and conversion (strings int/embstr/raw, lists,
 * intset/hashtable sets, listpack/hashtable hashes, listpack/skiplist sorted sets, the
 * results of the STORE commands, COPY, DEBUG RELOAD and RESTORE), DEBUG DIGEST and
 * DIGEST-VALUE of the same data, DEBUG OBJECT and the other DEBUG subcommands, against
 * what redis-server 7.0.15 replied to the same requests in the same order (recorded by
 * {@code record-encoding-replies.py} into {@code encoding-replies-redis-7.0.15.tsv}).
 * A packaged server would do as well; an embedded one keeps the test quick.
 */
class EncodingsAndDebugRedisTest {

    @TempDir
    Path dir;

    record Recorded(String line, String reply) {
    }

    private static List<Recorded> recorded() throws IOException {
        List<Recorded> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                EncodingsAndDebugRedisTest.class.getResourceAsStream("/encoding-replies-redis-7.0.15.tsv"),
                StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                out.add(new Recorded(line.substring(0, tab), CommandMetadataRedisTest.unescape(line.substring(tab + 1))));
            }
        }
        return out;
    }

    /** The request's arguments, as the recorder builds them: x*N is N times x, \dump:KEY the DUMP payload of KEY. */
    private static List<String> words(String line, RawClient c) throws IOException {
        List<String> out = new ArrayList<>();
        for (String w : line.split(" ")) {
            int star = w.lastIndexOf('*');
            if (w.startsWith("\\dump:")) {
                String dump = c.call("DUMP", w.substring("\\dump:".length()));
                out.add(dump.substring(dump.indexOf("\r\n") + 2, dump.length() - 2));
            } else if (star > 0 && w.substring(star + 1).matches("\\d+")) {
                out.add(w.substring(0, star).repeat(Integer.parseInt(w.substring(star + 1))));
            } else if (w.equals("\"\"")) {
                out.add("");
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** A request with binary arguments (ISO-8859-1 strings), as RawClient.command but byte-exact. */
    static String call(RawClient c, List<String> args) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (String a : args) {
            byte[] bytes = a.getBytes(StandardCharsets.ISO_8859_1);
            b.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            b.writeBytes(bytes);
            b.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        c.send(b.toByteArray());
        String reply = c.readReply();
        if (reply.startsWith("|") || reply.startsWith(">")) {
            // An attribute or push data comes before the reply itself.
            reply += c.readReply();
        }
        return reply;
    }

    /**
     * What differs from run to run: DEBUG OBJECT's address and LRU clock (and the idle time
     * of Redis's shared integers, which nothing touches), and in hash table statistics
     * whatever depends on the seeded hash function (how the elements fall into buckets).
     */
    private static String masked(String reply) {
        return reply.replaceAll("at:0x[0-9a-f]+", "at:ADDR").replaceAll(" lru:\\d+", " lru:N")
                .replaceAll("lru_seconds_idle:\\d+", "lru_seconds_idle:N")
                .replaceAll("^\\$\\d+", "\\$N")
                .replaceAll("(different slots|max chain length|avg chain length \\(\\w+\\)): [0-9.]+", "$1: N")
                .replaceAll("\n   \\d+: \\d+ \\([0-9.]+%\\)", "");
    }

    /** A HELP reply without the MALLCTL and MALLCTL-STR entries (two lines each) a jemalloc build lists. */
    private static String withoutJemalloc(String reply) {
        String[] lines = reply.split("\r\n", -1);
        StringBuilder sb = new StringBuilder();
        int removed = 0;
        for (int i = 1; i < lines.length - 1; i++) {
            if (lines[i].startsWith("+MALLCTL")) {
                i++; // and its description
                removed += 2;
                continue;
            }
            sb.append(lines[i]).append("\r\n");
        }
        int n = Integer.parseInt(lines[0].substring(1));
        return "*" + (n - removed) + "\r\n" + sb;
    }

    @Test
    void repliesAreRedis() throws IOException {
        List<Recorded> recorded = recorded();
        assertTrue(recorded.size() > 250, "the recording is complete");
        try (PyRedisServer server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "").set("enable-debug-command", "yes").build().start();
             RawClient c = new RawClient(server.port())) {
            List<String> wrong = new ArrayList<>();
            for (Recorded r : recorded) {
                String request = r.line().replaceFirst("^[!~%]", "");
                String got = call(c, words(request, c));
                if (r.line().startsWith("!")) {
                    continue;
                }
                String want = r.line().startsWith("~") ? masked(r.reply())
                        : r.line().startsWith("%") ? withoutJemalloc(r.reply()) : r.reply();
                String have = r.line().startsWith("~") ? masked(got) : got;
                if (!want.equals(have)) {
                    wrong.add(request + "\n  redis:   " + want.replace("\r\n", "\\r\\n")
                            + "\n  pyredis: " + have.replace("\r\n", "\\r\\n"));
                }
            }
            assertEquals(List.of(), wrong, "requests answered otherwise than by Redis 7.0.15:\n" + String.join("\n", wrong));
        }
    }

    private static String debug(Jedis j, String... args) {
        Object r = j.sendCommand(() -> "DEBUG".getBytes(), args);
        return r instanceof byte[] b ? new String(b) : String.valueOf(r);
    }

    @Test
    void quicklistPackedThresholdMakesPlainNodesThatSurviveReload() {
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "").set("enable-debug-command", "yes").build().start();
             Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("OK", debug(j, "QUICKLIST-PACKED-THRESHOLD", "10b"));
            j.rpush("l", "small", "x".repeat(20), "tiny", "y".repeat(30));
            String info = debug(j, "OBJECT", "l");
            assertTrue(info.contains(" ql_nodes:4 "), info);
            assertEquals("OK", debug(j, "RELOAD"));
            assertEquals(java.util.List.of("small", "x".repeat(20), "tiny", "y".repeat(30)), j.lrange("l", 0, -1));
            assertEquals("OK", debug(j, "QUICKLIST-PACKED-THRESHOLD", "0"));
            assertTrue(debug(j, "OBJECT", "l").contains(" ql_nodes:1 "), "back to the 1 GB default");
        }
    }
}
