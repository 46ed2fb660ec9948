package io.pyredis.dist;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static io.pyredis.dist.PluginCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugins that go wrong while the server runs (a constructor that throws, a command that
 * does not return, a reload of a jar broken under load): the server keeps serving, the
 * client gets a clear error, and the log has one line naming the jar or the pack.
 */
class PluginBadInputTest {

    @TempDir
    static Path work;
    private static Path build;
    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        build = Files.createDirectory(work.resolve("build"));
        server = ServerProcess.startModule(work, "--plugins-dir", plugins.toString(), "--plugin-command-watchdog", "1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Jedis client() {
        return new Jedis("127.0.0.1", server.port(), 30_000);
    }

    /** The server's lines with all of {@code parts}, once there is one (its output is read by another thread). */
    private static List<String> awaitLines(String... parts) throws InterruptedException {
        for (int i = 0; i < 50 && server.linesWith(parts).isEmpty(); i++) {
            Thread.sleep(100);
        }
        return server.linesWith(parts);
    }

    @Test
    void aPackWhoseConstructorThrowsIsRefusedWithItsReasonAndLoggedWithTheJar() throws Exception {
        Path jar = PluginJars.pack(build, build.resolve("ctor-throws.jar"), "test.ctor", "ctor",
                "SpiVersion.CURRENT", "ctor", "NEVER", "", "", "",
                "if (true) throw new IllegalStateException(\"constructor broke\");");
        try (Jedis j = client()) {
            JedisDataException e = assertThrows(JedisDataException.class, () -> call(j, "PLUGIN", "LOAD", jar.toString()));
            assertTrue(e.getMessage().startsWith("ERR ") && e.getMessage().contains("constructor broke"), e.getMessage());
            List<String> lines = awaitLines("WARN", "ctor-throws.jar");
            assertEquals(1, lines.size(), server.output());
            assertTrue(lines.get(0).contains("constructor broke"), lines.get(0));
            assertEquals("PONG", j.ping());
        }
    }

    @Test
    void aCommandRunningTooLongIsLoggedOnceByTheWatchdogNamingPackAndCommand() throws Exception {
        Path jar = PluginJars.pack(build, build.resolve("slow.jar"), "test.slow", "slowpack",
                "SpiVersion.CURRENT", "slowcmd", "DONE", "", "",
                "try { Thread.sleep(2500); } catch (InterruptedException e) { }");
        try (Jedis j = client()) {
            assertEquals("OK", call(j, "PLUGIN", "LOAD", jar.toString()));
            assertEquals("DONE", call(j, "SLOWCMD"));
            List<String> lines = awaitLines("WARN", "'slowcmd'", "'slowpack'");
            assertEquals(1, lines.size(), server.output());
            assertTrue(lines.get(0).contains("cannot stop it"), lines.get(0));
            assertEquals("PONG", j.ping(), "the server serves again once the command returns");
            assertEquals("OK", call(j, "PLUGIN", "UNLOAD", "slowpack"));
        }
    }

    @Test
    void aReloadOfABrokenJarUnderLoadKeepsTheOldVersionServing() throws Exception {
        Path at = build.resolve("steady.jar");
        PluginJars.pack(build, at, "test.steady", "steady", "SpiVersion.CURRENT", "steady", "STEADY");
        try (Jedis admin = client(); Jedis piper = client()) {
            assertEquals("OK", call(admin, "PLUGIN", "LOAD", at.toString()));
            int n = 50_000;
            PluginCalls.Pipelined load = new PluginCalls.Pipelined(piper, "STEADY", n);
            Path garbage = PluginJars.garbage(build.resolve("garbage.tmp"));
            Files.move(garbage, at, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            JedisDataException e = assertThrows(JedisDataException.class, () -> call(admin, "PLUGIN", "RELOAD", "steady"));
            assertTrue(e.getMessage().startsWith("ERR not a readable jar"), e.getMessage());
            List<String> replies = load.await();
            assertNotNull(replies, "the pipeline did not finish");
            assertEquals(n, replies.size());
            for (String r : replies) {
                assertEquals("STEADY", r);
            }
            assertEquals("STEADY", call(admin, "STEADY"), "the loaded version stays");
            List<String> lines = awaitLines("WARN", "steady.jar");
            assertEquals(1, lines.size(), server.output());
            assertTrue(lines.get(0).contains("not reloaded"), lines.get(0));
        }
    }
}
