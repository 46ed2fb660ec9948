package io.pyredis.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Option errors: redis-cli 7.0's exact texts and exit status. */
class OptionErrorsTest {

    @Test
    void unknownOptionAndMissingValues() {
        assertEquals(new RedisFixture.Result("", "Unrecognized option or bad number of args for: '--foo'\n", 1), run("--foo"));
        assertEquals(new RedisFixture.Result("", "Unrecognized option or bad number of args for: '-p'\n", 1), run("-p"));
        assertEquals(new RedisFixture.Result("", "Unrecognized option or bad number of args for: '-n'\n", 1), run("-n"));
        assertEquals(new RedisFixture.Result("", "Invalid URI scheme\n", 1), run("-u", "foo"));
        assertEquals(new RedisFixture.Result("", "Options -2 and -3 are mutually exclusive.\n", 1), run("-2", "-3", "ping"));
    }

    @Test
    void versionAndHelpExitZero() {
        RedisFixture.Result v = run("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("pyredis-cli "), v.out());
        RedisFixture.Result h = run("--help");
        assertEquals(0, h.status());
        assertTrue(h.out().contains("Usage: pyredis-cli [OPTIONS] [cmd [arg [arg ...]]]"), h.out());
        assertEquals(h, run("-h"));
    }

    @Test
    void uriParts() {
        CliOptions o = CliOptions.parse(new String[] {"-u", "redis://us%40er:p%3Ass@example.org:7000/5", "ping"});
        assertEquals("us@er", o.user);
        assertEquals("p:ss", o.auth);
        assertEquals("example.org", o.host);
        assertEquals(7000, o.port);
        assertEquals(5, o.dbnum);
        assertEquals(List.of("ping"), o.command);
    }

    /** The same arguments through Debian's redis-cli give the same error, byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"--foo", "-p", "-a", "-r", "-i", "-n", "-u foo", "-u http://x", "-2 -3 ping", "--csv --bogus ping"})
    void sameTextAsRedisCli(String line) throws Exception {
        Assumptions.assumeTrue(RedisFixture.installed("redis-cli"), "redis-cli is not installed");
        List<String> args = RedisCliComparisonTest.args(line);
        RedisFixture.Result expected = new RedisFixtureRunner().redisCli(args);
        assertEquals(expected, RedisFixture.pyredisCli(new byte[0], args));
    }

    private static RedisFixture.Result run(String... args) {
        return RedisFixture.pyredisCli(new byte[0], List.of(args));
    }

    /** redis-cli without a server: option errors never connect. */
    private static final class RedisFixtureRunner {
        RedisFixture.Result redisCli(List<String> args) throws Exception {
            List<String> cmd = new java.util.ArrayList<>();
            cmd.add("redis-cli");
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            return new RedisFixture.Result(out, err, p.waitFor());
        }
    }
}
