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
        // Errors, not exceptions: what an assert or a linkage problem in a plugin throws.
        PluginJars.pack(build, plugins.resolve("error-in-commands-plugin.jar"), "test.errcommands", "errcommands",
                "SpiVersion.CURRENT", "errcommands", "NEVER",
                "if (true) throw new AssertionError(\"commands() broke\");", "", "");
        PluginJars.pack(build, plugins.resolve("error-in-start-plugin.jar"), "test.errstart", "errstart",
                "SpiVersion.CURRENT", "errstart", "STARTLESS",
                "", "if (true) throw new AssertionError(\"start() broke\");", "");
        PluginJars.pack(build, plugins.resolve("error-in-command-plugin.jar"), "test.errcmd", "errcmd",
                "SpiVersion.CURRENT", "errcmd", "NEVER",
                "", "", "if (true) throw new AssertionError(\"execute() broke\");");
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

    @Test
    void aPackWhoseCommandsThrowAnErrorIsLoggedAndSkipped() {
        List<String> lines = server.linesWith("WARN", "error-in-commands-plugin.jar");
        assertEquals(1, lines.size(), server.output());
        assertTrue(lines.get(0).contains("commands() broke"), lines.get(0));
        JedisDataException e = assertThrows(JedisDataException.class,
                () -> jedis.sendCommand(command("ERRCOMMANDS")));
        assertEquals("ERR unknown command 'ERRCOMMANDS', with args beginning with: ", e.getMessage());
    }

    @Test
    void aPackWhoseStartThrowsAnErrorIsLoggedAndTheServerRunsItsCron() throws Exception {
        List<String> lines = server.linesWith("ERROR", "errstart");
        assertEquals(1, lines.size(), server.output());
        // Its commands stay: only its start failed.
        assertEquals("STARTLESS", jedis.sendCommand(command("ERRSTART")) instanceof byte[] b
                ? new String(b, StandardCharsets.US_ASCII) : null);
        // The active expiry cycle runs: keys with a 100 ms TTL are reclaimed without being
        // read (DBSIZE counts expired keys not yet reclaimed, as Redis's does).
        long before = jedis.dbSize();
        for (int i = 0; i < 20; i++) {
            jedis.psetex("errstart:" + i, 100, "x");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (jedis.dbSize() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before, jedis.dbSize(), "the expiry cycle reclaimed the expired keys");
    }

    @Test
    void aCommandThrowingAnErrorAnswersErrAndTheConnectionGoesOn() {
        JedisDataException e = assertThrows(JedisDataException.class, () -> jedis.sendCommand(command("ERRCMD")));
        assertTrue(e.getMessage().startsWith("ERR internal error in 'errcmd' command: java.lang.AssertionError: execute() broke"),
                e.getMessage());
        assertEquals("PONG", jedis.ping());
        assertFalse(server.linesWith("ERROR", "errcmd").isEmpty(), server.output());
    }

    private static ProtocolCommand command(String name) {
        return () -> name.getBytes(StandardCharsets.US_ASCII);
    }
}
