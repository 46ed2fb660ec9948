package io.pyredis.commands.hyperloglog;

import io.pyredis.server.PyRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * pyredis and Debian's redis-server 7.0.15 side by side: the same PFADDs and PFMERGEs
 * leave identical bytes on both (sparse and dense, at several {@code hll-sparse-max-bytes}),
 * and an HLL moved either way by GET/SET, DUMP/RESTORE or an RDB file gives the same
 * PFCOUNT. Skipped
 * where redis-server is not installed.
 */
class RedisInteropTest {

    static RealRedis redis;
    static PyRedisServer server;
    Jedis real;
    Jedis ours;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(RealRedis.installed(), "redis-server is not installed");
        redis = RealRedis.start();
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void connect() {
        real = new Jedis("127.0.0.1", redis.port);
        ours = new Jedis("127.0.0.1", server.port());
        real.flushAll();
        ours.flushAll();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void both(String... args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        ProtocolCommand c = () -> args[0].getBytes(StandardCharsets.US_ASCII);
        Object a = real.sendCommand(c, rest);
        Object b = ours.sendCommand(c, rest);
        assertEquals(String.valueOf(a instanceof byte[] x ? new String(x) : a),
                String.valueOf(b instanceof byte[] y ? new String(y) : b), String.join(" ", args));
    }

    @Test
    void theSameCommandsLeaveIdenticalBytes() {
        Random rnd = new Random(2026);
        for (String limit : new String[] {"3000", "200", "0"}) {
            real.configSet("hll-sparse-max-bytes", limit);
            ours.configSet("hll-sparse-max-bytes", limit);
            for (int n : new int[] {0, 1, 7, 100, 700, 2000, 20000}) {
                String key = "h" + limit + ":" + n;
                int done = 0;
                while (done < n || done == 0) {
                    int batch = Math.min(n - done, 1 + rnd.nextInt(300));
                    String[] args = new String[batch + 1];
                    args[0] = key;
                    for (int i = 1; i <= batch; i++) {
                        // Lengths 0 to 19: every tail length of MurmurHash64A's 8-byte words.
                        args[i] = (rnd.nextLong() + "" + rnd.nextLong()).substring(0, rnd.nextInt(20));
                    }
                    assertEquals(real.pfadd(key, args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                            : new String[0]), ours.pfadd(key, java.util.Arrays.copyOfRange(args, 1, args.length)));
                    done += Math.max(batch, 1);
                }
                assertArrayEquals(real.get(b(key)), ours.get(b(key)), key);
                assertEquals(real.pfcount(key), ours.pfcount(key), key);
                assertArrayEquals(real.get(b(key)), ours.get(b(key)), key + " with its cache");
                both("PFDEBUG", "ENCODING", key);
            }
            String dest = "m" + limit;
            real.pfmerge(dest, "h" + limit + ":7", "h" + limit + ":100");
            ours.pfmerge(dest, "h" + limit + ":7", "h" + limit + ":100");
            assertArrayEquals(real.get(b(dest)), ours.get(b(dest)), dest);
            real.pfmerge(dest, dest, "h" + limit + ":20000");
            ours.pfmerge(dest, dest, "h" + limit + ":20000");
            assertArrayEquals(real.get(b(dest)), ours.get(b(dest)), dest + " dense");
            assertEquals(real.pfcount("h" + limit + ":700", "h" + limit + ":2000", dest),
                    ours.pfcount("h" + limit + ":700", "h" + limit + ":2000", dest));
        }
        real.configSet("hll-sparse-max-bytes", "3000");
        ours.configSet("hll-sparse-max-bytes", "3000");
    }

    @Test
    void valuesMovedEitherWayCountTheSame() {
        Random rnd = new Random(15);
        for (int n : new int[] {3, 300, 3000, 30000}) {
            String[] els = new String[n];
            for (int i = 0; i < n; i++) {
                els[i] = "e" + rnd.nextInt();
            }
            String from = "real" + n;
            String to = "ours" + n;
            real.pfadd(from, els);
            ours.pfadd(to, els);
            // GET there, SET here (the cache still invalid: both compute), and the reverse.
            ours.set(b(from), real.get(b(from)));
            real.set(b(to), ours.get(b(to)));
            assertEquals(real.pfcount(from), ours.pfcount(from));
            assertEquals(real.pfcount(to), ours.pfcount(to));
            assertEquals(real.pfcount(from, to), ours.pfcount(from, to));
            // DUMP/RESTORE both ways: the same string payload.
            ours.restore(b("r" + from), 0, real.dump(b(from)));
            real.restore(b("r" + to), 0, ours.dump(b(to)));
            assertArrayEquals(real.get(b(from)), ours.get(b("r" + from)));
            assertArrayEquals(ours.get(b(to)), real.get(b("r" + to)));
            assertEquals(real.pfcount(from), ours.pfcount("r" + from));
            ours.pfadd("r" + from, "one more");
            real.pfadd(from, "one more");
            assertArrayEquals(real.get(b(from)), ours.get(b("r" + from)));
        }
    }

    @Test
    void anRdbFileCarriesThemEitherWay(@TempDir Path dir) throws Exception {
        // dir is a protected config on both: each server starts in it, and SAVE writes its dump.rdb there.
        String[] keys = {"small", "sparse", "dense"};
        int[] sizes = {2, 400, 40000};
        Random rnd = new Random(99);
        try (RealRedis first = RealRedis.start(dir); Jedis r = new Jedis("127.0.0.1", first.port)) {
            for (int k = 0; k < keys.length; k++) {
                String[] els = new String[sizes[k]];
                for (int i = 0; i < els.length; i++) {
                    els[i] = "r" + rnd.nextLong();
                }
                r.pfadd(keys[k], els);
            }
            r.pfcount("sparse"); // one with its cache valid
            r.save();
            try (PyRedisServer loaded = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                    .set("dir", dir.toString()).set("save", "").build().start();
                 Jedis j = new Jedis("127.0.0.1", loaded.port())) {
                for (String key : keys) {
                    assertArrayEquals(r.get(b(key)), j.get(b(key)), key);
                    assertEquals(r.pfcount(key), j.pfcount(key), key);
                }
                assertEquals(r.pfcount(keys), j.pfcount(keys));
                j.pfadd("dense", "more", "elements");
                j.pfmerge("merged", keys);
                j.save();
                try (RealRedis second = RealRedis.start(dir); Jedis o = new Jedis("127.0.0.1", second.port)) {
                    for (String key : new String[] {"small", "sparse", "dense", "merged"}) {
                        assertArrayEquals(j.get(b(key)), o.get(b(key)), key);
                        assertEquals(j.pfcount(key), o.pfcount(key), key);
                    }
                }
            }
        }
    }
}
