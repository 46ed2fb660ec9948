package io.pyredis.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Evicted keys reach the append-only file as DELs, each on its own (outside any MULTI), as
 * Redis's eviction timer propagates them after the CONFIG SET that lowered maxmemory: the
 * suite's "propagation with eviction"; with lazyfree-lazy-eviction or -expire, as UNLINK.
 */
@org.junit.jupiter.api.Timeout(60)
class EvictionPropagationTest {

    @TempDir
    Path dir;

    private static String resp(String... args) {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            sb.append('$').append(a.length()).append("\r\n").append(a).append("\r\n");
        }
        return sb.toString();
    }

    @Test
    void evictedKeysArePropagatedAsDel() throws Exception {
        evictAll("no", "DEL");
    }

    @Test
    void lazilyEvictedKeysArePropagatedAsUnlink() throws Exception {
        evictAll("yes", "UNLINK");
    }

    private void evictAll(String lazy, String del) throws Exception {
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "").set("appendonly", "yes")
                .set("lazyfree-lazy-eviction", lazy).build().start();
             Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.set("asdf1", "1");
            j.set("asdf2", "2");
            j.set("asdf3", "3");
            j.configSet("maxmemory-policy", "allkeys-lru");
            j.configSet("maxmemory", "1");
            long end = System.currentTimeMillis() + 10_000;
            while (j.dbSize() != 0 && System.currentTimeMillis() < end) {
                Thread.sleep(10);
            }
            assertEquals(0, j.dbSize());
            j.configSet("maxmemory", "0");
            j.configSet("maxmemory-policy", "noeviction");
            j.set("asdf4", "4");
        }
        String aof = Files.readString(dir.resolve("appendonlydir").resolve("appendonly.aof.1.incr.aof"),
                StandardCharsets.ISO_8859_1);
        String head = resp("SELECT", "0") + resp("SET", "asdf1", "1") + resp("SET", "asdf2", "2")
                + resp("SET", "asdf3", "3");
        assertEquals(head, aof.substring(0, head.length()));
        String rest = aof.substring(head.length());
        // Which key goes first is the pool's choice; each is one DEL, none wrapped in MULTI.
        String dels = rest.substring(0, rest.length() - resp("SET", "asdf4", "4").length());
        assertEquals(3, dels.split(java.util.regex.Pattern.quote(resp(del)
                .replace("*1\r\n", "*2\r\n")), -1).length - 1, rest);
        assertEquals(3 * resp(del, "asdf1").length(), dels.length(), rest);
        assertEquals(resp("SET", "asdf4", "4"), rest.substring(dels.length()));
    }

    @Test
    void lazilyExpiredKeysArePropagatedAsUnlink() throws Exception {
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "").set("appendonly", "yes")
                .set("lazyfree-lazy-expire", "yes").build().start();
             Jedis j = new Jedis("127.0.0.1", s.port())) {
            j.psetex("k", 1, "v");
            Thread.sleep(20);
            assertEquals(null, j.get("k"));
        }
        String aof = Files.readString(dir.resolve("appendonlydir").resolve("appendonly.aof.1.incr.aof"),
                StandardCharsets.ISO_8859_1);
        assertEquals(true, aof.endsWith(resp("UNLINK", "k")), aof);
    }
}
