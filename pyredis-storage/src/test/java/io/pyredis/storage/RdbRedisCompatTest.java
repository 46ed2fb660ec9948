package io.pyredis.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Compatibility both ways with Debian's Redis 7.0.15, skipped when it is not installed:
 * pyredis's dump passes redis-check-rdb and loads in redis-server, which saves it again
 * with identical contents; and a dump Redis wrote from data filled by redis-cli loads
 * here with the contents that were sent.
 */
class RdbRedisCompatTest {

    private static final int PORT = 8402;
    private static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path dir;
    private boolean started;

    @BeforeEach
    void needRedis() {
        assumeTrue(onPath("redis-server") && onPath("redis-cli") && onPath("redis-check-rdb"),
                "Debian's redis-server, redis-cli and redis-check-rdb are not installed");
    }

    @AfterEach
    void stop() throws Exception {
        if (started) {
            run("redis-cli", "-p", Integer.toString(PORT), "shutdown", "nosave");
        }
    }

    private static boolean onPath(String cmd) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, cmd))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new String(out, StandardCharsets.UTF_8) + "\nexit " + p.exitValue();
    }

    private void startRedis() throws Exception {
        String out = run("redis-server", "--port", Integer.toString(PORT), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no", "--daemonize", "yes",
                "--logfile", dir.resolve("redis.log").toString());
        assertTrue(out.endsWith("exit 0"), out);
        started = true;
        for (int i = 0; i < 100; i++) {
            if (run("redis-cli", "-p", Integer.toString(PORT), "ping").startsWith("PONG")) {
                return;
            }
            Thread.sleep(50);
        }
        fail("redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
    }

    private String cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(PORT)));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(new String[0]));
    }

    @Test
    void pyredisDumpLoadsInRedisWithIdenticalContents() throws Exception {
        Keyspace ks = RdbTest.sample();
        // Deadlines in the future of the real clock, so Redis keeps those keys.
        long future = System.currentTimeMillis() + 3_600_000;
        ks.db(0).expireAt("ttl".getBytes(), future);
        ks.db(15).expireAt("zset-big".getBytes(), future + 1);
        ks.db(0).expireAt("list-big".getBytes(), future + 2);
        Map<String, String> expected = KeyspaceContents.of(ks);
        Path file = dir.resolve("dump.rdb");
        Rdb.save(ks, file, true, true);
        String check = run("redis-check-rdb", file.toString());
        assertTrue(check.contains("RDB looks OK!"), check);
        Rdb.save(ks, file, false, false);
        check = run("redis-check-rdb", file.toString());
        assertTrue(check.contains("RDB looks OK!"), check);

        startRedis();
        String dbsize = cli("-n", "0", "dbsize");
        assertTrue(dbsize.startsWith("14"), dbsize);
        assertTrue(cli("-n", "15", "zscore", "zset-small", "g").startsWith("0.1"));
        assertTrue(cli("-n", "3", "object", "encoding", "intset").startsWith("intset"));
        assertTrue(cli("save").startsWith("OK"));
        Keyspace back = new Keyspace(16, Clock.system());
        Rdb.load(back, file);
        assertEquals(expected, KeyspaceContents.of(back));
    }

    @Test
    void redisDumpLoadsHereWithTheContentsSent() throws Exception {
        startRedis();
        StringBuilder script = new StringBuilder();
        Keyspace expected = new Keyspace(16, new ManualClock(NOW));
        script.append("SELECT 0\n");
        script.append("SET int 12345\nSET neg -7\nSET big 9223372036854775807\nSET str hello\n");
        script.append("SET long ").append("abc".repeat(100)).append('\n');
        script.append("SET ttl v PX 3600000\n");
        script.append("RPUSH small-list a 1 -5000 70000 9000000 3000000000 ").append("x".repeat(100)).append('\n');
        for (int i = 0; i < 3000; i++) {
            script.append("RPUSH big-list element-").append(i).append('\n');
        }
        script.append("HSET small-hash f1 v1 n 42\n");
        for (int i = 0; i < 1000; i++) {
            script.append("HSET big-hash field").append(i).append(" value").append(i).append('\n');
        }
        script.append("SELECT 5\n");
        script.append("SADD intset 1 -2 70000 5000000000\nSADD small-set a b c\n");
        for (int i = 0; i < 1000; i++) {
            script.append("SADD big-set m").append(i).append('\n');
        }
        for (int i = 0; i < 600; i++) {
            script.append("SADD big-intset ").append(i * 7).append('\n');
        }
        script.append("SELECT 9\n");
        script.append("ZADD small-zset 1 a 2.5 b 0.1 c -inf d +inf e\n");
        for (int i = 0; i < 1000; i++) {
            script.append("ZADD big-zset ").append(i * 1.5).append(" member").append(i).append('\n');
        }
        script.append("EXPIRE big-zset 3600\n");
        Path in = dir.resolve("fill.txt");
        Files.writeString(in, script);
        Process p = new ProcessBuilder("redis-cli", "-p", Integer.toString(PORT)).redirectInput(in.toFile())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertTrue(cli("save").startsWith("OK"));

        Keyspace ks = new Keyspace(16, Clock.system());
        Rdb.LoadInfo info = Rdb.load(ks, dir.resolve("dump.rdb"));
        assertEquals("7.0.15", info.redisVersion());
        assertEquals(10, info.version());
        assertEquals(16, info.keys());
        assertEquals("string 12345", KeyspaceContents.describe(ks.db(0).peek("int".getBytes())));
        assertEquals("string 9223372036854775807", KeyspaceContents.describe(ks.db(0).peek("big".getBytes())));
        assertEquals("string " + "abc".repeat(100), KeyspaceContents.describe(ks.db(0).peek("long".getBytes())));
        assertTrue(ks.db(0).expireAt("ttl".getBytes()) > System.currentTimeMillis());
        assertEquals("list [a, 1, -5000, 70000, 9000000, 3000000000, " + "x".repeat(100) + "]",
                KeyspaceContents.describe(ks.db(0).peek("small-list".getBytes())));
        assertEquals(3000, ((io.pyredis.api.RedisList) ks.db(0).peek("big-list".getBytes())).size());
        assertEquals("element-2999", new String(((io.pyredis.api.RedisList) ks.db(0).peek("big-list".getBytes())).get(2999)));
        assertEquals("hash [f1=v1, n=42]", KeyspaceContents.describe(ks.db(0).peek("small-hash".getBytes())));
        assertEquals(1000, ((io.pyredis.api.RedisHash) ks.db(0).peek("big-hash".getBytes())).size());
        assertEquals("set [-2, 1, 5000000000, 70000]", KeyspaceContents.describe(ks.db(5).peek("intset".getBytes())));
        assertEquals("intset", ks.db(5).peek("intset".getBytes()).encoding());
        assertEquals(1000, ((io.pyredis.api.RedisSet) ks.db(5).peek("big-set".getBytes())).size());
        assertEquals(600, ((io.pyredis.api.RedisSet) ks.db(5).peek("big-intset".getBytes())).size());
        assertEquals("zset [d@-Infinity, c@0.1, a@1.0, b@2.5, e@Infinity]",
                KeyspaceContents.describe(ks.db(9).peek("small-zset".getBytes())));
        io.pyredis.api.RedisSortedSet bz = (io.pyredis.api.RedisSortedSet) ks.db(9).peek("big-zset".getBytes());
        assertEquals(1000, bz.size());
        assertEquals(999 * 1.5, bz.score("member999".getBytes()));
        assertTrue(ks.db(9).expireAt("big-zset".getBytes()) > System.currentTimeMillis());
    }

    /** DUMP of {@code key} from the running redis-server, over a plain socket (redis-cli cannot give binary). */
    private static byte[] redisDump(String key) throws IOException {
        try (java.net.Socket sock = new java.net.Socket("127.0.0.1", PORT)) {
            byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
            sock.getOutputStream().write(("*2\r\n$4\r\nDUMP\r\n$" + k.length + "\r\n" + key + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(sock.getInputStream()));
            StringBuilder header = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                header.append((char) c);
            }
            int n = Integer.parseInt(header.toString().trim().substring(1));
            byte[] payload = new byte[n];
            in.readFully(payload);
            return payload;
        }
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    /**
     * Streams both ways: Redis's dump.rdb of streams (several nodes, deleted and trimmed
     * entries, groups with consumers and pending entries, an empty stream with a group)
     * loads here, each stream then dumping the very bytes Redis's DUMP gives; pyredis's
     * save of them passes redis-check-rdb and loads in redis-server with the same digest.
     */
    @Test
    void streamsBothWays() throws Exception {
        startRedis();
        StringBuilder script = new StringBuilder();
        for (int i = 1; i <= 250; i++) {
            script.append("XADD big ").append(i).append("-0 f ").append(i * 3).append(" g v").append('\n');
        }
        script.append("XDEL big 5-0 77-0 200-0\n");
        script.append("XTRIM big MAXLEN 230\n");
        script.append("XADD mixed 1-1 a 1 b 2\nXADD mixed 1-2 b 1 a 2\nXADD mixed 2-0 long ")
                .append("x".repeat(300)).append('\n');
        script.append("XGROUP CREATE mixed g1 0\nXGROUP CREATE mixed g2 $ ENTRIESREAD 3\n");
        script.append("XREADGROUP GROUP g1 alice COUNT 2 STREAMS mixed >\n");
        script.append("XREADGROUP GROUP g1 bob STREAMS mixed >\n");
        script.append("XGROUP CREATECONSUMER mixed g2 carol\nXDEL mixed 1-2\n");
        script.append("XGROUP CREATE empty g 0 MKSTREAM\nXSETID empty 5-5 ENTRIESADDED 9 MAXDELETEDID 4-4\n");
        Path in = dir.resolve("streams.txt");
        Files.writeString(in, script);
        Process p = new ProcessBuilder("redis-cli", "-p", Integer.toString(PORT)).redirectInput(in.toFile())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        String digest = cli("debug", "digest");
        assertTrue(cli("save").startsWith("OK"));

        Keyspace ks = new Keyspace(16, Clock.system());
        Rdb.LoadInfo info = Rdb.load(ks, dir.resolve("dump.rdb"));
        assertEquals(3, info.keys());
        for (String key : List.of("big", "mixed", "empty")) {
            io.pyredis.api.RedisValue v = ks.db(0).peek(key.getBytes());
            assertEquals("stream", v.type().name());
            assertEquals(hex(redisDump(key)), hex(Rdb.dump(v, true, ks.encodingLimits())), key);
        }
        assertEquals(230, ((io.pyredis.api.RedisStream) ks.db(0).peek("big".getBytes())).length());

        Path file = dir.resolve("dump.rdb");
        Rdb.save(ks, file, true, true);
        String check = run("redis-check-rdb", file.toString());
        assertTrue(check.contains("RDB looks OK!"), check);
        cli("shutdown", "nosave");
        started = false;
        startRedis();
        assertEquals(digest, cli("debug", "digest"));
        assertTrue(cli("xinfo", "groups", "mixed").contains("alice") || cli("xpending", "mixed", "g1").contains("alice"));
    }
}
