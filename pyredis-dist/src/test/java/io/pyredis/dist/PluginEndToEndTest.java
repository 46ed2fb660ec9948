package io.pyredis.dist;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.pyredis.testkit.RawClient;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example plugin, dropped into the plugins directory of the packaged server, used by a real client. */
class PluginEndToEndTest {

    /** RATELIMIT is not a Jedis command: this is how a client sends a plugin's command. */
    private static final ProtocolCommand RATELIMIT = () -> "RATELIMIT".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path work;
    private static ServerProcess server;
    private static Jedis jedis;

    @BeforeAll
    static void start() throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Path jar = Dist.examplePluginJar();
        Files.copy(jar, plugins.resolve(jar.getFileName()));
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

    private static Object ratelimit(String... args) {
        return jedis.sendCommand(RATELIMIT, args);
    }

    /**
     * A plugin's commands are a module's, as Redis shows a loaded module's: the module
     * flag, the group "module" and the module's name in COMMAND DOCS, found by COMMAND LIST
     * FILTERBY MODULE; their key specs and arguments are the plugin's own metadata.
     */
    @Test
    void thePluginsCommandsAreDescribedAsAModulesAre() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            String info = raw.call("COMMAND", "INFO", "ratelimit");
            assertTrue(info.startsWith("*1\r\n*10\r\n$9\r\nratelimit\r\n:-4\r\n"
                    + "*4\r\n+write\r\n+denyoom\r\n+module\r\n+fast\r\n:1\r\n:1\r\n:1\r\n"
                    + "*2\r\n+@write\r\n+@fast\r\n*0\r\n"
                    + "*1\r\n*6\r\n$5\r\nflags\r\n*3\r\n+RW\r\n+access\r\n+update\r\n"), info);
            String docs = raw.call("COMMAND", "DOCS", "ratelimit");
            assertTrue(docs.contains("$5\r\ngroup\r\n$6\r\nmodule\r\n"
                    + "$10\r\ncomplexity\r\n$4\r\nO(1)\r\n$6\r\nmodule\r\n$9\r\nratelimit\r\n"), docs);
            assertTrue(docs.contains("$4\r\nname\r\n$4\r\ncost\r\n$4\r\ntype\r\n"
                    + "$7\r\ninteger\r\n$5\r\nflags\r\n*1\r\n+optional\r\n"), docs);
            assertEquals("*1\r\n$9\r\nratelimit\r\n", raw.call("COMMAND", "LIST", "FILTERBY", "MODULE", "ratelimit"));
            assertEquals("*1\r\n*2\r\n$2\r\nk1\r\n*3\r\n+RW\r\n+access\r\n+update\r\n",
                    raw.call("COMMAND", "GETKEYSANDFLAGS", "RATELIMIT", "k1", "5", "60"));
        }
    }

    @Test
    void burstIsAllowedThenLimited() {
        assertEquals(List.of(0L, 3L, 2L, -1L, 20L), ratelimit("api:alice", "3", "60"));
        assertEquals(List.of(0L, 3L, 1L, -1L, 40L), ratelimit("api:alice", "3", "60"));
        assertEquals(List.of(0L, 3L, 0L, -1L, 60L), ratelimit("api:alice", "3", "60"));
        assertEquals(List.of(1L, 3L, 0L, 20L, 60L), ratelimit("api:alice", "3", "60"));
        assertEquals(List.of(0L, 3L, 2L, -1L, 20L), ratelimit("api:bob", "3", "60"), "another key, another budget");
    }

    @Test
    void stateLivesInTheKeyspaceAsAnExpiringString() {
        ratelimit("api:carol", "10", "100", "4");
        String tat = jedis.get("api:carol");
        assertEquals(true, tat.matches("[0-9]+"), tat);
        assertEquals(List.of(0L, 10L, 6L, -1L, 40L), ratelimit("api:carol", "10", "100", "0"));
    }

    /** Lettuce speaks RESP3 (HELLO 3) by default: the reply must read the same there. */
    @Test
    void lettuceOverResp3SeesTheSameReply() {
        ProtocolKeyword ratelimit = () -> "RATELIMIT".getBytes(StandardCharsets.US_ASCII);
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(server.port())
                .withTimeout(Duration.ofSeconds(10)).build());
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            List<Object> reply = conn.sync().dispatch(ratelimit, new NestedMultiOutput<>(StringCodec.UTF8),
                    new CommandArgs<>(StringCodec.UTF8).addKey("lettuce:key").add(4).add(8));
            assertEquals(List.of(0L, 4L, 3L, -1L, 2L), reply);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
        }
    }

    @Test
    void errorsReachTheClientWithRedisTexts() {
        assertEquals("ERR value is not an integer or out of range",
                assertThrows(JedisDataException.class, () -> ratelimit("k", "many", "60")).getMessage());
        assertEquals("ERR value is out of range, must be positive",
                assertThrows(JedisDataException.class, () -> ratelimit("k", "0", "60")).getMessage());
        assertEquals("ERR wrong number of arguments for 'ratelimit' command",
                assertThrows(JedisDataException.class, () -> ratelimit("k", "5")).getMessage());
    }
}
