package io.pyredis.server;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.support.caching.CacheAccessor;
import io.lettuce.core.support.caching.CacheFrontend;
import io.lettuce.core.support.caching.ClientSideCaching;
import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client-side caching (CLIENT TRACKING) over real sockets: a scenario of several connections
 * replayed step by step against what redis-server 7.0.15 sent each of them
 * ({@code tracking-scenario.tsv}, recorded by {@code src/test/record-tracking.py}), then what
 * the recording cannot hold (client ids, the table's limit, INFO).
 */
class TrackingTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The recorded steps: each command, then exactly the bytes every connection got from Redis, nothing more. */
    @Test
    void replaysTheScenarioRecordedFromRedis() throws Exception {
        Map<String, RawClient> conns = new TreeMap<>();
        Map<String, String> ids = new HashMap<>();
        try (InputStream in = TrackingTest.class.getResourceAsStream("tracking-scenario.tsv")) {
            assertNotNull(in);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            String line;
            while ((line = r.readLine()) != null) {
                String[] cols = line.split("\t");
                String[] words = cols[0].split(" ");
                if (words[0].equals("sleep")) {
                    Thread.sleep(Long.parseLong(words[1]));
                    continue;
                }
                String name = words[0];
                RawClient c = conns.get(name);
                if (c == null) {
                    c = new RawClient(server.port());
                    String id = c.call("CLIENT", "ID");
                    ids.put(name, id.substring(1, id.length() - 2));
                    conns.put(name, c);
                }
                String[] args = new String[words.length - 1];
                for (int i = 1; i < words.length; i++) {
                    String w = words[i];
                    args[i - 1] = w.startsWith("$") && ids.containsKey(w.substring(1)) ? ids.get(w.substring(1)) : w;
                }
                c.send(command(args));
                Map<String, String> expected = new HashMap<>();
                for (int i = 1; i < cols.length; i++) {
                    int eq = cols[i].indexOf('=');
                    expected.put(cols[i].substring(0, eq), unescape(cols[i].substring(eq + 1)));
                }
                for (Map.Entry<String, String> e : expected.entrySet()) {
                    // The recording writes HELLO's id as $<letter>: this server's id goes there.
                    String want = e.getValue().replace("$2\r\nid\r\n:$" + e.getKey() + "\r\n",
                            "$2\r\nid\r\n:" + ids.get(e.getKey()) + "\r\n");
                    String got;
                    try {
                        got = conns.get(e.getKey()).readLike(want);
                    } catch (java.net.SocketTimeoutException ex) {
                        throw new AssertionError("connection " + e.getKey() + " waits for " + want + " after: "
                                + cols[0], ex);
                    }
                    assertEquals(want, got, "connection " + e.getKey() + " after: " + cols[0]);
                }
            }
            // Nothing more than Redis sent: a PING's reply comes next on every connection.
            for (Map.Entry<String, RawClient> e : conns.entrySet()) {
                String reply = e.getValue().call("PING");
                assertTrue(reply.equals("+PONG\r\n") || reply.startsWith("*2\r\n$4\r\npong"),
                        "connection " + e.getKey() + " got more: " + reply);
            }
        } finally {
            for (RawClient c : conns.values()) {
                c.close();
            }
        }
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) {
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** A redirect client that went away: a tracking-redir-broken push, the broken_redirect flag, CLIENT LIST's R. */
    @Test
    void brokenRedirectIsReported() throws Exception {
        try (RawClient a = new RawClient(server.port()); RawClient w = new RawClient(server.port())) {
            long redirId;
            try (RawClient target = new RawClient(server.port())) {
                String id = target.call("CLIENT", "ID");
                redirId = Long.parseLong(id.substring(1, id.length() - 2));
                a.send(command("HELLO", "3"));
                a.readReply();
                assertEquals("+OK\r\n", a.call("CLIENT", "TRACKING", "on", "REDIRECT", Long.toString(redirId)));
                assertEquals(":" + redirId + "\r\n", a.call("CLIENT", "GETREDIR"));
                assertEquals("+OK\r\n", w.call("SET", "rb", "1"));
                assertEquals("$1\r\n1\r\n", a.call("GET", "rb"));
            }
            // The redirect target is gone once its connection closed.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!w.call("CLIENT", "LIST", "ID", Long.toString(redirId)).equals("$0\r\n\r\n")
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals("+OK\r\n", w.call("SET", "rb", "2"));
            assertEquals(">2\r\n$21\r\ntracking-redir-broken\r\n:" + redirId + "\r\n", a.readReply());
            String info = a.call("CLIENT", "TRACKINGINFO");
            assertTrue(info.contains("~2\r\n$2\r\non\r\n$15\r\nbroken_redirect\r\n"), info);
            String me = a.call("CLIENT", "INFO");
            assertTrue(me.contains(" flags=tR "), me);
            assertTrue(me.contains(" redir=" + redirId + " "), me);
            assertEquals("+OK\r\n", a.call("CLIENT", "TRACKING", "off"));
            me = a.call("CLIENT", "INFO");
            assertTrue(me.contains(" flags=N ") && me.contains(" redir=-1 "), me);
        }
    }

    /** CLIENT CACHING YES lasts for the next command even when that one is rejected, as Redis's resetClient. */
    @Test
    void cachingIsUsedUpByARejectedCommand() throws Exception {
        try (RawClient a = new RawClient(server.port()); RawClient w = new RawClient(server.port())) {
            a.send(command("HELLO", "3"));
            a.readReply();
            assertEquals("+OK\r\n", a.call("CLIENT", "TRACKING", "on", "OPTIN"));
            assertEquals("+OK\r\n", w.call("SET", "oi1", "1"));
            assertEquals("+OK\r\n", w.call("SET", "oi2", "1"));
            assertEquals("+OK\r\n", w.call("SET", "oi3x", "1"));
            // Used up by an unknown command and by a wrong arity: the GETs after them track nothing.
            assertEquals("+OK\r\n", a.call("CLIENT", "CACHING", "yes"));
            assertTrue(a.call("NOSUCHCOMMAND").startsWith("-ERR unknown command"));
            assertEquals("$1\r\n1\r\n", a.call("GET", "oi1"));
            assertEquals("+OK\r\n", a.call("CLIENT", "CACHING", "yes"));
            assertTrue(a.call("GET").startsWith("-ERR wrong number of arguments"));
            assertEquals("$1\r\n1\r\n", a.call("GET", "oi2"));
            // Kept right before the command: this one is tracked.
            assertEquals("+OK\r\n", a.call("CLIENT", "CACHING", "yes"));
            assertEquals("$1\r\n1\r\n", a.call("GET", "oi3x"));
            assertEquals("+OK\r\n", w.call("MSET", "oi1", "2", "oi2", "2", "oi3x", "2"));
            // Only oi3x was tracked: its invalidation is the one push before PONG.
            assertEquals(">2\r\n$10\r\ninvalidate\r\n*1\r\n$4\r\noi3x\r\n", a.readReply());
            assertEquals("+PONG\r\n", a.call("PING"));
            assertEquals("+OK\r\n", a.call("CLIENT", "TRACKING", "off"));
        }
    }

    /** A redirect client that answered QUIT is gone for the next command, as Redis frees it once its reply is out. */
    @Test
    void redirectThatQuitIsBrokenAtOnce() throws Exception {
        try (RawClient a = new RawClient(server.port()); RawClient w = new RawClient(server.port());
             RawClient target = new RawClient(server.port())) {
            String id = target.call("CLIENT", "ID");
            long redirId = Long.parseLong(id.substring(1, id.length() - 2));
            a.send(command("HELLO", "3"));
            a.readReply();
            assertEquals("+OK\r\n", a.call("CLIENT", "TRACKING", "on", "REDIRECT", Long.toString(redirId)));
            assertEquals("+OK\r\n", w.call("SET", "rq", "1"));
            assertEquals("$1\r\n1\r\n", a.call("GET", "rq"));
            assertEquals("+OK\r\n", target.call("QUIT"));
            // No waiting for the server to notice the closed connection.
            assertEquals("+OK\r\n", w.call("SET", "rq", "2"));
            assertEquals(">2\r\n$21\r\ntracking-redir-broken\r\n:" + redirId + "\r\n", a.readReply());
            assertEquals("+OK\r\n", a.call("CLIENT", "TRACKING", "off"));
        }
    }

    /** tracking-table-max-keys: the table shrinks to the limit, each key dropped invalidated; INFO counts. */
    @Test
    void tableLimitEvictsKeysWithInvalidations() throws Exception {
        // A server of its own: INFO's counts are this test's alone.
        try (PyRedisServer own = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
             RawClient a = new RawClient(own.port()); RawClient admin = new RawClient(own.port())) {
            a.send(command("HELLO", "3"));
            a.readReply();
            assertEquals("+OK\r\n", a.call("CLIENT", "TRACKING", "on"));
            String info = admin.call("INFO", "clients");
            assertTrue(info.contains("tracking_clients:1\r\n"), info);
            for (int i = 0; i < 150; i++) {
                a.call("GET", "lim" + i);
            }
            assertEquals(150, stat(admin, "tracking_total_keys"));
            assertEquals(150, stat(admin, "tracking_total_items"));
            assertEquals(0, stat(admin, "tracking_total_prefixes"));
            try {
                assertEquals("+OK\r\n", admin.call("CONFIG", "SET", "tracking-table-max-keys", "10"));
                // 100 keys on the first try, the other 40 on the next (Redis's growing effort).
                List<String> invalidated = new ArrayList<>();
                for (int i = 0; i < 140; i++) {
                    String push = a.readReply();
                    Matcher m = Pattern.compile("^>2\r\n\\$10\r\ninvalidate\r\n\\*1\r\n\\$\\d+\r\n(lim\\d+)\r\n$")
                            .matcher(push);
                    assertTrue(m.matches(), push);
                    invalidated.add(m.group(1));
                }
                assertEquals(140, invalidated.stream().distinct().count());
                assertEquals(10, stat(admin, "tracking_total_keys"));
                assertEquals("+PONG\r\n", a.call("PING"));
            } finally {
                admin.call("CONFIG", "SET", "tracking-table-max-keys", "1000000");
            }
            assertEquals("+OK\r\n", a.call("CLIENT", "TRACKING", "off"));
            info = admin.call("INFO", "clients");
            assertTrue(info.contains("tracking_clients:0\r\n"), info);
            assertEquals("*2\r\n$23\r\ntracking-table-max-keys\r\n$7\r\n1000000\r\n",
                    admin.call("CONFIG", "GET", "tracking-table-max-keys"));
        }
    }

    /** A key evicted for maxmemory is invalidated for its tracker, ahead of the reply of the command that evicted it. */
    @Test
    void evictedKeysAreInvalidated() throws Exception {
        try (PyRedisServer own = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
             RawClient a = new RawClient(own.port()); RawClient w = new RawClient(own.port())) {
            a.send(command("HELLO", "3"));
            a.readReply();
            assertEquals("+OK\r\n", a.call("CLIENT", "TRACKING", "on"));
            assertEquals("+OK\r\n", w.call("SET", "cached", "x".repeat(1000)));
            assertEquals("$1000\r\n" + "x".repeat(1000) + "\r\n", a.call("GET", "cached"));
            // Any limit below what the key takes: allkeys-random can only evict that key.
            assertEquals("+OK\r\n", w.call("CONFIG", "SET", "maxmemory-policy", "allkeys-random"));
            assertEquals("+OK\r\n", w.call("CONFIG", "SET", "maxmemory", "1"));
            assertEquals("$-1\r\n", w.call("GET", "cached"));
            assertEquals(">2\r\n$10\r\ninvalidate\r\n*1\r\n$6\r\ncached\r\n", a.readReply());
            assertEquals("+PONG\r\n", a.call("PING"));
        }
    }

    /** A closed tracking client leaves the count and its BCAST prefixes. */
    @Test
    void disconnectTurnsTrackingOff() throws Exception {
        try (RawClient admin = new RawClient(server.port())) {
            try (RawClient b = new RawClient(server.port())) {
                assertEquals("+OK\r\n", b.call("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "dc1:", "PREFIX", "dc2:"));
                assertEquals(2, stat(admin, "tracking_total_prefixes"));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (stat(admin, "tracking_total_prefixes") != 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(0, stat(admin, "tracking_total_prefixes"));
        }
    }

    /** Lettuce's client-side cache (RESP3 tracking): a value read once is served from the cache until another client changes it. */
    @Test
    void lettuceClientSideCacheIsInvalidated() throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        client.setOptions(ClientOptions.builder().protocolVersion(ProtocolVersion.RESP3).build());
        Map<String, String> cache = new ConcurrentHashMap<>();
        try (StatefulRedisConnection<String, String> conn = client.connect();
             StatefulRedisConnection<String, String> writer = client.connect()) {
            CacheFrontend<String, String> frontend = ClientSideCaching.enable(CacheAccessor.forMap(cache), conn,
                    TrackingArgs.Builder.enabled());
            writer.sync().set("lc:key", "one");
            assertEquals("one", frontend.get("lc:key"));
            assertEquals("one", cache.get("lc:key"));
            writer.sync().set("lc:key", "two");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (cache.containsKey("lc:key") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertFalse(cache.containsKey("lc:key"), "the invalidation push removed the cached value");
            assertEquals("two", frontend.get("lc:key"));
            frontend.close();
        } finally {
            client.shutdown();
        }
    }

    private static long stat(RawClient c, String field) throws IOException {
        String info = c.call("INFO", "stats");
        Matcher m = Pattern.compile("\r\n" + field + ":(\\d+)\r\n").matcher(info);
        assertTrue(m.find(), info);
        return Long.parseLong(m.group(1));
    }
}
