package io.pyredis.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive mode on a JLine terminal over piped streams. */
class ReplTest {

    private static RedisFixture redis;

    @BeforeAll
    static void startServer() throws Exception {
        Assumptions.assumeTrue(RedisFixture.installed("redis-server"), "redis-server is not installed");
        redis = RedisFixture.start();
    }

    @AfterAll
    static void stopServer() {
        if (redis != null) redis.close();
    }

    /**
     * Typed keys, then silence: a person at a keyboard does not send end-of-file after the last
     * line, so the session ends by its own quit. Like a person, it types the next line only once
     * a prompt is on the screen (JLine does not redraw prompts for type-ahead, which made the
     * output depend on thread timing). Gives up after 10 s so a broken test ends.
     */
    private static final class KeyboardStream extends java.io.InputStream {
        private final byte[] keys;
        private final ByteArrayOutputStream screen;
        private int pos;
        private int screenSeen;

        KeyboardStream(byte[] keys, ByteArrayOutputStream screen) {
            this.keys = keys;
            this.screen = screen;
        }

        @Override
        public int read() throws java.io.IOException {
            if (pos < keys.length && (pos == 0 || keys[pos - 1] == '\n')) {
                awaitPrompt();
            }
            synchronized (this) {
                if (pos < keys.length) return keys[pos++] & 0xff;
                try {
                    wait(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        }

        private void awaitPrompt() {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                String shown = screen.toString(StandardCharsets.UTF_8);
                if (shown.length() > screenSeen && shown.stripTrailing().endsWith(">")) {
                    screenSeen = shown.length();
                    return;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String session(Path home, Map<String, String> vars, String typed, String... args) {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.io.InputStream keys = new KeyboardStream(typed.getBytes(StandardCharsets.UTF_8), screen);
        Env env = new Env(new ByteArrayInputStream(new byte[0]), screen, err, true, true, vars, home,
                () -> TerminalBuilder.builder().system(false).streams(keys, screen).type(Terminal.TYPE_DUMB).build());
        int status = Cli.run(args, env);
        assertEquals(0, status);
        return screen.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void promptsRepliesAndLocalCommands(@TempDir Path home) throws Exception {
        String p = "127.0.0.1:" + redis.port;
        String out = session(home, Map.of(),
                "ping\nselect 2\nset k \"two words\"\nget k\nset \"a\nmulti\ndiscard\nauth nosuchpassword\n2 incr n\nhgetall k\nquit\nping\n",
                "-p", Integer.toString(redis.port));
        assertTrue(out.contains(p + "> "), out);
        assertTrue(out.contains("PONG\n"), out);
        assertTrue(out.contains(p + "[2]> "), out);
        assertTrue(out.contains("\"two words\"\n"), out);
        assertTrue(out.contains("Invalid argument(s)\n"), out);
        assertTrue(out.contains(p + "[2](TX)> "), out);
        assertTrue(out.contains("(integer) 1\n(integer) 2\n"), out);
        assertTrue(out.contains("(error) WRONGTYPE Operation against a key holding the wrong kind of value\n"), out);
        // quit ends the session: the ping after it is never sent
        assertEquals(out.indexOf("PONG"), out.lastIndexOf("PONG"), out);

        List<String> history = Files.readAllLines(home.resolve(".pyredis_cli_history"));
        assertTrue(history.contains("get k"), history.toString());
        assertTrue(history.stream().noneMatch(l -> l.startsWith("auth")), "AUTH lines stay out of the history: " + history);
    }

    @Test
    void historyFileFromEnvironment(@TempDir Path home) throws Exception {
        Path file = home.resolve("elsewhere");
        session(home, Map.of("REDISCLI_HISTFILE", file.toString()), "ping\nquit\n", "-p", Integer.toString(redis.port));
        assertEquals(List.of("ping", "quit"), Files.readAllLines(file));
        assertTrue(Files.notExists(home.resolve(".pyredis_cli_history")));
    }

    @Test
    void helpComesFromCommandDocs(@TempDir Path home) {
        String out = session(home, Map.of(), "help get\nquit\n", "-p", Integer.toString(redis.port));
        assertTrue(out.contains("\r\n  \u001b[1mGET\u001b[0m \u001b[90mkey\u001b[0m\r\n"
                + "  \u001b[33msummary:\u001b[0m Get the value of a key\r\n"
                + "  \u001b[33msince:\u001b[0m 1.0.0\r\n"
                + "  \u001b[33mgroup:\u001b[0m string\r\n\r\n"), out);
    }

    @Test
    void notConnected(@TempDir Path home) throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String out = session(home, Map.of(), "ping\nquit\n", "-p", Integer.toString(closed));
        String refused = "Could not connect to Redis at 127.0.0.1:" + closed + ": Connection refused\n";
        assertTrue(out.contains("not connected> "), out);
        // once at start, once more when the typed command tries to reconnect
        assertEquals(2, out.split(java.util.regex.Pattern.quote(refused), -1).length - 1, out);
    }
}
