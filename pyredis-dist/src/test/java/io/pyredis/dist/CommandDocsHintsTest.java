package io.pyredis.dist;

import io.pyredis.cli.internal.CommandDocs;
import io.pyredis.cli.internal.Connection;
import io.pyredis.cli.internal.Reply;
import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * pyredis-cli's help and grey hints, rendered from the COMMAND DOCS {@code arguments} of an
 * embedded PyRedisServer (from the packs' command metadata) and from Debian's redis-server
 * 7.0.15 (skipped when not installed): they must read the same, for every command both have.
 */
class CommandDocsHintsTest {

    @TempDir
    static Path dir;
    private static PyRedisServer ours;
    private static Process redis;
    private static CommandDocs oursDocs;
    private static CommandDocs oursDocs3;
    private static CommandDocs redisDocs;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(onPath("redis-server"), "Debian's redis-server is not installed");
        int port = freeReferencePort();
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        ours = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
        redisDocs = CommandDocs.fromDocs(docs(port, false));
        oursDocs = CommandDocs.fromDocs(docs(ours.port(), false));
        oursDocs3 = CommandDocs.fromDocs(docs(ours.port(), true));
    }

    @AfterAll
    static void stop() throws Exception {
        if (ours != null) {
            ours.close();
        }
        if (redis != null) {
            redis.destroy();
            if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                redis.destroyForcibly();
            }
        }
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    /** The reference servers of these tests live on 8800-8899. */
    private static int freeReferencePort() throws IOException {
        for (int p = 8800; p < 8900; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free port in 8800-8899");
    }

    private static List<byte[]> cmd(String... words) {
        List<byte[]> out = new ArrayList<>();
        for (String w : words) {
            out.add(w.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** COMMAND DOCS, waiting for the server to accept connections (redis-server starts apart). */
    private static Reply docs(int port, boolean resp3) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection c = Connection.open("127.0.0.1", port)) {
                if (resp3) {
                    c.call(cmd("HELLO", "3"));
                }
                Reply r = c.call(cmd("COMMAND", "DOCS"));
                if (r instanceof Reply.Agg) {
                    return r;
                }
                throw new AssertionError("COMMAND DOCS on " + port + ": " + r);
            } catch (Connection.ConnectFailed notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(20);
            }
        }
    }

    private static String params(CommandDocs docs, String command) {
        CommandDocs.Entry e = docs.find(List.of(command.split(" ")));
        assertNotNull(e, command);
        return e.params();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET", "GET", "MSET", "GETEX", "EXPIRE", "PEXPIREAT", "SCAN", "SORT", "COPY", "DEL",
            "ZADD", "ZRANGE", "ZUNIONSTORE", "ZINTER", "ZRANDMEMBER", "BZMPOP", "LPOS", "BLPOP", "LINSERT", "LMOVE",
            "LMPOP", "HSET", "HRANDFIELD", "HSCAN", "SINTERCARD", "SMOVE", "LCS", "PING", "ECHO", "FLUSHALL", "AUTH",
            "CLIENT NO-EVICT", "CLIENT LIST", "CONFIG SET"})
    void helpTextAsRedis(String command) {
        String redisParams = params(redisDocs, command);
        assertFalse(redisParams.isEmpty(), command + " has arguments in Redis");
        assertEquals(redisParams, params(oursDocs, command), command);
        assertEquals(redisParams, params(oursDocs3, command), command + " over RESP3");
    }

    /** Summary, since, group and arguments of the persistence commands, as Redis 7.0 documents them. */
    @ParameterizedTest
    @ValueSource(strings = {"SAVE", "BGSAVE", "BGREWRITEAOF", "LASTSAVE", "DUMP", "RESTORE", "FLUSHALL", "FLUSHDB",
            "SHUTDOWN"})
    void persistenceCommandsDocumentedAsRedis(String command) {
        CommandDocs.Entry redisEntry = redisDocs.find(List.of(command));
        assertNotNull(redisEntry, command);
        assertEquals(redisEntry, oursDocs.find(List.of(command)));
    }

    @Test
    void hintsWhileTypingAsRedis() {
        List<List<String>> typed = List.of(List.of("set"), List.of("set", "k"), List.of("set", "k", "v"),
                List.of("zadd", "z"), List.of("zrange", "z", "0"), List.of("blpop", "a"), List.of("lpos", "l", "e"),
                List.of("client", "no-evict"), List.of("expire", "k", "10"), List.of("get", "k"));
        for (List<String> words : typed) {
            for (boolean space : new boolean[] {false, true}) {
                assertEquals(redisDocs.hint(words, space), oursDocs.hint(words, space), words + " space=" + space);
            }
        }
        assertEquals(" key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds"
                + "|PXAT unix-time-milliseconds|KEEPTTL]", oursDocs.hint(List.of("set"), false));
    }

    @Test
    void everySharedCommandReadsAsRedis() {
        Map<String, String> redisParams = new TreeMap<>();
        for (CommandDocs.Entry e : redisDocs.entries()) {
            redisParams.put(e.name(), e.params());
        }
        Map<String, String> differ = new TreeMap<>();
        for (CommandDocs.Entry e : oursDocs.entries()) {
            String r = redisParams.get(e.name());
            if (r != null && !r.equals(e.params())) {
                differ.put(e.name(), "ours '" + e.params() + "', redis '" + r + "'");
            }
        }
        assertEquals(Map.of(), differ);
    }
}
