package io.pyredis.server;

import io.pyredis.testkit.RawClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugins directory: a jar that cannot be loaded is skipped with a WARN and the server starts. */
class PluginLoadingTest {

    @TempDir
    Path plugins;

    @Test
    void brokenJarIsSkippedWithAWarningNamingIt() throws Exception {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Files.write(plugins.resolve("x.jar"), junk);
        Files.createDirectory(plugins.resolve("group"));
        Files.write(plugins.resolve("group").resolve("y.jar"), junk);

        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PyRedisServer server;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                    .set("plugins-dir", plugins.toString()).build().start();
        } finally {
            System.setErr(original);
        }
        try (server; RawClient c = new RawClient(server.port())) {
            c.send("PING\r\n");
            assertEquals("+PONG\r\n", c.read(7), "the server started anyway");
            assertEquals(2, server.pluginWarnings().size(), server.pluginWarnings().toString());
            assertTrue(server.pluginWarnings().get(0).startsWith("Skipping plugin group: y.jar: not a readable jar"),
                    server.pluginWarnings().get(0));
            assertTrue(server.pluginWarnings().get(1).startsWith("Skipping plugin x.jar: not a readable jar"),
                    server.pluginWarnings().get(1));
            String log = captured.toString(StandardCharsets.UTF_8);
            assertTrue(log.lines().anyMatch(l -> l.contains("WARN") && l.contains("x.jar")), log);
        }
    }

    @Test
    void missingPluginsDirectoryIsFine() throws Exception {
        try (PyRedisServer server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("plugins-dir", plugins.resolve("none").toString()).build().start();
             RawClient c = new RawClient(server.port())) {
            c.send("PING\r\n");
            assertEquals("+PONG\r\n", c.read(7));
            assertTrue(server.pluginWarnings().isEmpty());
        }
    }
}
