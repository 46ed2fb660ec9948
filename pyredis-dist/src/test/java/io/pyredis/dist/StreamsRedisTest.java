package io.pyredis.dist;

import io.pyredis.server.PyRedisServer;
import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream commands against what redis-server 7.0.15 replied to the same requests in the
 * same order ({@code streams.txt}, recorded by {@code record-encoding-replies.py} into
 * {@code stream-replies-redis-7.0.15.tsv}): replies and error texts, and DUMP payloads
 * byte for byte (the nodes' listpacks, the counters, groups, PELs and consumers), a DUMP
 * of Redis's restored and dumped again, DEBUG DIGEST-VALUE, DEBUG RELOAD and COPY.
 */
class StreamsRedisTest {

    @TempDir
    Path dir;

    /** XINFO STREAM's radix-tree-nodes: the rax's inner node count, which pyredis only estimates. */
    private static String masked(String reply) {
        return reply.replaceAll("radix-tree-nodes\r\n:\\d+", "radix-tree-nodes\r\n:N");
    }

    @Test
    void repliesAndPayloadsAreRedis() throws IOException {
        List<RecordedReplies.Recorded> recorded = RecordedReplies.load("/stream-replies-redis-7.0.15.tsv");
        assertTrue(recorded.size() > 400, "the recording is complete");
        try (PyRedisServer server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "").set("enable-debug-command", "yes").build().start();
             RawClient c = new RawClient(server.port())) {
            List<String> wrong = new ArrayList<>();
            for (RecordedReplies.Recorded r : recorded) {
                String request = r.line().replaceFirst("^~", "");
                String got = RecordedReplies.call(c, RecordedReplies.words(request, c));
                boolean mask = r.line().startsWith("~");
                String want = mask ? masked(r.reply()) : r.reply();
                String have = mask ? masked(got) : got;
                if (!want.equals(have)) {
                    wrong.add(request + "\n  redis:   " + want.replace("\r\n", "\\r\\n")
                            + "\n  pyredis: " + have.replace("\r\n", "\\r\\n"));
                }
            }
            assertEquals(List.of(), wrong, "requests answered otherwise than by Redis 7.0.15:\n" + String.join("\n", wrong));
        }
    }
}
