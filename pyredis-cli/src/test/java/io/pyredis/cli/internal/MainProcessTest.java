package io.pyredis.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Main started the way the bin script starts it: {@code java -p <modules> -m io.pyredis.cli/io.pyredis.cli.Main}. */
class MainProcessTest {

    private static String modulePath() {
        List<String> keep = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.contains("test-classes")) continue;
            if (e.contains("pyredis-") || e.contains("jline")) keep.add(e);
        }
        return String.join(File.pathSeparator, keep);
    }

    private static RedisFixture.Result java(byte[] stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", modulePath(), "-m", "io.pyredis.cli/io.pyredis.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        return new RedisFixture.Result(out, err, p.exitValue());
    }

    @Test
    void runsOnTheModulePath() throws Exception {
        assertEquals(new RedisFixture.Result("", "Unrecognized option or bad number of args for: '--foo'\n", 1),
                java(new byte[0], "--foo"));
    }

    @Test
    void oneShotAgainstRedisWithPipedOutput() throws Exception {
        Assumptions.assumeTrue(RedisFixture.installed("redis-server"), "redis-server is not installed");
        try (RedisFixture redis = RedisFixture.start()) {
            String port = Integer.toString(redis.port);
            assertEquals(new RedisFixture.Result("OK\n", "", 0), java("v\u00e9".getBytes(StandardCharsets.UTF_8), "-p", port, "-x", "set", "k"));
            assertEquals(new RedisFixture.Result("\"v\\xc3\\xa9\"\n", "", 0), java(new byte[0], "-p", port, "--no-raw", "get", "k"));
            assertEquals(new RedisFixture.Result("v\u00c3\u00a9\n", "", 0), java(new byte[0], "-p", port, "get", "k"));
        }
    }
}
