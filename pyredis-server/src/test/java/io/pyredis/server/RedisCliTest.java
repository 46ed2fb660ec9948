package io.pyredis.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Debian's redis-cli against the server: what a person sees at the terminal. Skipped when redis-cli is not installed. */
class RedisCliTest {

    static PyRedisServer server;
    static String cli;

    @BeforeAll
    static void start() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(dir, "redis-cli");
            if (f.canExecute()) {
                cli = f.getPath();
                break;
            }
        }
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String run(String... args) throws Exception {
        assumeTrue(cli != null, "redis-cli is not installed");
        List<String> cmd = new ArrayList<>(List.of(cli, "-h", "127.0.0.1", "-p", String.valueOf(server.port())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void infoKeyspace() throws Exception {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            j.select(5);
            j.set("cli:k", "v");
        }
        assertTrue(run("info", "keyspace").contains("# Keyspace\r\ndb5:keys=1,expires=0,avg_ttl=0\r\n"));
    }

    @Test
    void clientList() throws Exception {
        String out = run("client", "list");
        assertTrue(out.matches("(?s)(id=\\d+ addr=127\\.0\\.0\\.1:\\d+ laddr=127\\.0\\.0\\.1:" + server.port()
                + " fd=\\d+ name= .* cmd=client\\|list user=default redir=-1 resp=2\n)+"), out);
        String resp3 = run("-3", "client", "info");
        assertTrue(resp3.startsWith("id=") && resp3.endsWith(" cmd=client|info user=default redir=-1 resp=3\n"), resp3);
    }

    @Test
    void commandCount() throws Exception {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            long n = Long.parseLong(j.sendCommand(() -> "COMMAND".getBytes(StandardCharsets.US_ASCII), "COUNT").toString());
            assertEquals(n + "\n", run("command", "count"));
            assertTrue(n > 30, "built-ins and the strings pack: " + n);
        }
    }

    @Test
    void configGetPort() throws Exception {
        assertEquals("port\n" + server.port() + "\n", run("config", "get", "port"));
    }
}
