package io.pyredis.dist;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugins directory with three bad jars beside a good one: the server logs each bad
 * jar by name at WARN, skips it, and starts and serves as usual.
 */
class BadPluginsTest {

    @TempDir
    static Path work;
    private static ServerProcess server;
    private static Jedis jedis;

    @BeforeAll
    static void start() throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Path build = Files.createDirectory(work.resolve("build"));
        PluginJars.garbage(plugins.resolve("broken-plugin.jar"));
        PluginJars.pack(build, plugins.resolve("newer-spi-plugin.jar"), "test.newer", "newer",
                "SpiVersion.CURRENT + 1", "fromthefuture", "FUTURE");
        PluginJars.pack(build, plugins.resolve("older-spi-plugin.jar"), "test.older", "older",
                "SpiVersion.CURRENT - 1", "fromthepast", "PAST");
        PluginJars.pack(build, plugins.resolve("clashing-get-plugin.jar"), "test.clash", "clash",
                "SpiVersion.CURRENT", "get", "HIJACKED");
        Path good = Dist.examplePluginJar();
        Files.copy(good, plugins.resolve(good.getFileName()));
        server = ServerProcess.startModule(work, "--plugins-dir", plugins.toString());
        jedis = new Jedis("127.0.0.1", server.port(), 10_000);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (jedis != null) {
                jedis.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void assertWarned(String jarName) {
        assertFalse(server.linesWith("WARN", jarName).isEmpty(),
                "no WARN line names " + jarName + "; the server printed:\n" + server.output());
    }

    @Test
    void aJarThatIsNotAJarIsLoggedAndSkipped() {
        assertWarned("broken-plugin.jar");
    }

    @Test
    void aPackBuiltForANewerSpiIsLoggedAndSkipped() {
        assertWarned("newer-spi-plugin.jar");
        JedisDataException e = assertThrows(JedisDataException.class,
                () -> jedis.sendCommand(command("FROMTHEFUTURE")));
        assertEquals("ERR unknown command 'FROMTHEFUTURE', with args beginning with: ", e.getMessage());
    }

    @Test
    void aPackBuiltForAnOlderSpiIsRefusedInOneLineNamingTheVersions() {
        List<String> lines = server.linesWith("WARN", "older-spi-plugin.jar");
        assertEquals(1, lines.size(), server.output());
        assertTrue(lines.get(0).contains("pack 'older' was built for SPI version 1, this server has 2"), lines.get(0));
        JedisDataException e = assertThrows(JedisDataException.class,
                () -> jedis.sendCommand(command("FROMTHEPAST")));
        assertEquals("ERR unknown command 'FROMTHEPAST', with args beginning with: ", e.getMessage());
    }

    @Test
    void aPackRedefiningGetIsLoggedAndSkipped() {
        assertWarned("clashing-get-plugin.jar");
        assertEquals("OK", jedis.set("greeting", "hello"));
        assertEquals("hello", jedis.get("greeting"), "GET is still the strings pack's");
    }

    @Test
    void goodPluginsBesideBadOnesStillLoad() {
        assertEquals(List.of(0L, 2L, 1L, -1L, 30L),
                jedis.sendCommand(command("RATELIMIT"), "bad-plugins-test", "2", "60"));
    }

    private static ProtocolCommand command(String name) {
        return () -> name.getBytes(StandardCharsets.US_ASCII);
    }
}
