package io.pyredis.dist;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/pyredis-server, run from the repository root as a user runs it. */
class BinScriptTest {

    @Test
    void startsFromTheBuiltModulesAndServes() throws Exception {
        Path root = Dist.root();
        Path script = root.resolve("bin/pyredis-server");
        assertTrue(Files.isExecutable(script), script + " is not executable");
        Map<String, Long> modulesBefore = snapshot(Dist.modules());

        int port = Dist.freePort();
        try (ServerProcess server = ServerProcess.start(
                List.of(script.toString(), "--port", Integer.toString(port), "--save", ""), root, port);
             Jedis jedis = new Jedis("127.0.0.1", port, 10_000)) {
            assertEquals("PONG", jedis.ping());
        }
        assertEquals(modulesBefore, snapshot(Dist.modules()), "the script must not rebuild what is there");
    }

    private static Map<String, Long> snapshot(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                files.put(p.getFileName().toString(), Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }
}
