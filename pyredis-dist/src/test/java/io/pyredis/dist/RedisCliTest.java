package io.pyredis.dist;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's redis-cli against the packaged server. Its stdout is not a terminal here, so it
 * prints replies raw, as scripts see them; the expected texts were taken from redis-cli
 * against redis-server 7.0.15.
 */
class RedisCliTest {

    @TempDir
    static Path work;
    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(redisCliOnPath(), "redis-cli is not installed");
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        server = ServerProcess.startModule(work, "--plugins-dir", plugins.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static boolean redisCliOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-cli"))) {
                return true;
            }
        }
        return false;
    }

    private static String cli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(server.port())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "redis-cli did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void ping() throws Exception {
        assertEquals("PONG\n", cli("PING"));
    }

    @Test
    void setThenGet() throws Exception {
        assertEquals("OK\n", cli("SET", "cli:k", "v"));
        assertEquals("v\n", cli("GET", "cli:k"));
        assertEquals("\n", cli("GET", "cli:missing"));
    }

    @Test
    void incrCounts() throws Exception {
        assertEquals("1\n", cli("INCR", "cli:n"));
        assertEquals("2\n", cli("INCR", "cli:n"));
    }

    @Test
    void keyCommandsComeFromTheKeysPackOnTheModulePath() throws Exception {
        assertEquals("OK\n", cli("SET", "cli:t", "v"));
        assertEquals("1\n", cli("EXPIRE", "cli:t", "100"));
        assertEquals("100\n", cli("TTL", "cli:t"));
        assertEquals("string\n", cli("TYPE", "cli:t"));
        assertEquals("1\n", cli("DEL", "cli:t"));
        assertEquals("0\n", cli("EXISTS", "cli:t"));
    }

    @Test
    void unknownCommand() throws Exception {
        assertEquals("ERR unknown command 'FOO', with args beginning with: 'bar' \n\n", cli("FOO", "bar"));
    }

    @Test
    void wrongArity() throws Exception {
        assertEquals("ERR wrong number of arguments for 'set' command\n\n", cli("SET"));
    }
}
