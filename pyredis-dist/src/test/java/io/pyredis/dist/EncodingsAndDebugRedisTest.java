package io.pyredis.dist;

import io.pyredis.server.PyRedisServer;
import io.pyredis.testkit.RawClient;
import redis.clients.jedis.Jedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
        List<RecordedReplies.Recorded> recorded = RecordedReplies.load("/encoding-replies-redis-7.0.15.tsv");
        assertTrue(recorded.size() > 250, "the recording is complete");
        try (PyRedisServer server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "").set("enable-debug-command", "yes").build().start();
             RawClient c = new RawClient(server.port())) {
            List<String> wrong = new ArrayList<>();
            for (RecordedReplies.Recorded r : recorded) {
                String request = r.line().replaceFirst("^[!~%]", "");
                String got = RecordedReplies.call(c, RecordedReplies.words(request, c));
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
