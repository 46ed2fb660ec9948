package io.pyredis.dist;

import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * templates/pyredis-plugin builds against this build's jars, as docs/plugins.md has a
 * plugin author build it after installing pyredis: its command answers in the packaged
 * server with its metadata in COMMAND DOCS, and its own @PyRedisTest test passes.
 */
class TemplatePluginTest {

    @TempDir
    Path work;

    private static Path template() {
        return Dist.root().resolve("templates/pyredis-plugin");
    }

    @Test
    void commandAnswersInThePackagedServerWithItsDocs() throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        PluginJars.project(template(), Files.createDirectory(work.resolve("classes")),
                plugins.resolve("pyredis-hits.jar"));
        try (ServerProcess server = ServerProcess.startModule(work, "--plugins-dir", plugins.toString());
             RawClient raw = new RawClient(server.port())) {
            assertEquals(":1\r\n", raw.call("HITS.INCR", "page"));
            assertEquals(":11\r\n", raw.call("HITS.INCR", "page", "BY", "10"));
            assertEquals("+hits-cntr\r\n", raw.call("TYPE", "page"));
            String docs = raw.call("COMMAND", "DOCS", "hits.incr");
            assertTrue(docs.startsWith("*2\r\n$9\r\nhits.incr\r\n"), docs);
            assertTrue(docs.contains("$7\r\nsummary\r\n$55\r\nIncrements a hit counter by one or by the given amount.\r\n"),
                    docs);
            assertTrue(docs.contains("$5\r\ngroup\r\n$6\r\nmodule\r\n"), docs);
            assertTrue(docs.contains("$6\r\nmodule\r\n$4\r\nhits\r\n"), docs);
            assertTrue(docs.contains("$4\r\nname\r\n$9\r\nincrement\r\n$4\r\ntype\r\n$7\r\ninteger\r\n"
                    + "$5\r\ntoken\r\n$2\r\nBY\r\n$5\r\nflags\r\n*1\r\n+optional\r\n"), docs);
        }
    }

    @Test
    void itsOwnJUnitTestPasses() throws Exception {
        Path classes = Files.createDirectory(work.resolve("classes"));
        PluginJars.project(template(), classes, work.resolve("pyredis-hits.jar"));
        Path testClasses = Files.createDirectory(work.resolve("test-classes"));
        String cp = System.getProperty("java.class.path") + File.pathSeparator + classes;
        PluginJars.compileOnClassPath(template().resolve("src/test/java"), cp, testClasses);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp + File.pathSeparator + testClasses,
                TemplateTestMain.class.getName(), "com.example.hits.HitsIncrTest"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the template's test did not end");
        String out = Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("5 tests successful"), out);
    }
}
