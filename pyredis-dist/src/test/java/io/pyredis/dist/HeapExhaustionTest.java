package io.pyredis.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server on a small heap (-Xmx160m, maxmemory 0) fed more data than fits: writes are refused
 * with Redis's OOM error before the JVM runs out, the server keeps serving reads and deletes,
 * and after FLUSHALL it takes writes again. Before, the event loop died of OutOfMemoryError.
 */
class HeapExhaustionTest {

    @TempDir
    Path work;

    @Test
    void writesAreRefusedWithOomBeforeTheHeapRunsOutAndAcceptedAgainAfterFlushall() throws Exception {
        int port = Dist.freePort();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError",
                "-p", Dist.modules().toString(), "-m", "io.pyredis.server/io.pyredis.server.Main",
                "--port", Integer.toString(port), "--save", "");
        try (ServerProcess server = ServerProcess.start(cmd, work, port);
             Jedis jedis = new Jedis("127.0.0.1", port, 30_000)) {
            byte[] value = new byte[1024];
            Arrays.fill(value, (byte) 'x');
            String oom = null;
            int stored = 0;
            // 300 MB offered to a 160 MB heap, 1,000 SETs a round trip.
            for (int batch = 0; batch < 300 && oom == null; batch++) {
                Pipeline p = jedis.pipelined();
                for (int i = 0; i < 1000; i++) {
                    p.set(("key:" + batch + ":" + i).getBytes(StandardCharsets.US_ASCII), value);
                }
                for (Object r : p.syncAndReturnAll()) {
                    if (r instanceof JedisDataException e) {
                        oom = e.getMessage();
                        break;
                    }
                    stored++;
                }
            }
            assertEquals("OOM command not allowed when used memory > 'maxmemory'.", oom,
                    "stored " + stored + " keys; the server printed:\n" + server.output());
            assertEquals("PONG", jedis.ping());
            assertEquals(1024, jedis.strlen("key:0:0"));
            assertTrue(jedis.dbSize() >= stored);
            assertEquals("OK", jedis.flushAll());
            long deadline = System.nanoTime() + 20_000_000_000L;
            String answer = null;
            while (System.nanoTime() < deadline) {
                try {
                    answer = jedis.set("after", "flush");
                    break;
                } catch (JedisDataException stillFull) {
                    Thread.sleep(100); // the next collection, asked for once a second, clears it
                }
            }
            assertEquals("OK", answer, server.output());
            assertTrue(server.linesWith("WARN", "The heap is nearly exhausted").size() == 1, server.output());
        }
    }
}
