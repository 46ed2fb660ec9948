package io.pyredis.server;

import io.pyredis.testkit.RawClient;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pyredis.storage.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CONFIG, INFO, DBSIZE, FLUSHDB, FLUSHALL, TIME and SHUTDOWN, with replies recorded from Redis 7.0.15. */
class ServerCommandsTest {

    static PyRedisServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void configGetPatternsAndShapes() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String port = String.valueOf(server.port());
            c.send(command("CONFIG", "GET") + command("CONFIG", "GET", "port") + command("CONFIG", "GET", "HZ")
                    + command("CONFIG", "GET", "hz", "HZ", "nosuch") + command("CONFIG", "GET", "por?")
                    + command("CONFIG", "GET", "[pq]ort") + command("CONFIG", "GET", "x*"));
            String expected = "-ERR wrong number of arguments for 'config|get' command\r\n"
                    + "*2\r\n$4\r\nport\r\n$" + port.length() + "\r\n" + port + "\r\n"
                    + "*2\r\n$2\r\nHZ\r\n$2\r\n10\r\n"
                    + "*2\r\n$2\r\nhz\r\n$2\r\n10\r\n"
                    + "*2\r\n$4\r\nport\r\n$" + port.length() + "\r\n" + port + "\r\n"
                    + "*2\r\n$4\r\nport\r\n$" + port.length() + "\r\n" + port + "\r\n*0\r\n";
            assertEquals(expected, c.readLike(expected));
            c.send(command("HELLO", "3"));
            c.readUntil("*0\r\n");
            c.send(command("CONFIG", "GET", "timeout"));
            assertEquals("%1\r\n$7\r\ntimeout\r\n$1\r\n0\r\n", c.read(24), "a map in RESP3");
        }
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            Map<String, String> all = j.configGet("*");
            assertEquals(String.valueOf(server.port()), all.get("port"));
            assertEquals("16", all.get("databases"));
        }
    }

    @Test
    void configSetErrorsAsRedis() throws Exception {
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
             RawClient c = new RawClient(s.port())) {
            c.send(command("CONFIG", "SET", "foo", "bar") + command("CONFIG", "SET", "databases", "3")
                    + command("CONFIG", "SET", "hz", "5", "hz", "6") + command("CONFIG", "SET", "hz")
                    + command("CONFIG", "SET", "hz", "5", "timeout") + command("CONFIG", "SET", "hz", "5", "foo", "1")
                    + command("CONFIG", "SET", "protected-mode", "maybe") + command("CONFIG", "SET", "hz", "5", "databases", "3")
                    + command("CONFIG", "SET", "HZ", "abc") + command("CONFIG", "SET", "proto-max-bulk-len", "10")
                    + command("CONFIG", "SET", "proto-max-bulk-len", "1k2") + command("CONFIG", "SET", "timeout", "-1")
                    + command("CONFIG", "SET", "databases", "3", "databases", "4")
                    + command("CONFIG", "SET", "timeout", "7", "hz", "x") + command("CONFIG", "GET", "timeout"));
            String expected = "-ERR Unknown option or number of arguments for CONFIG SET - 'foo'\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'hz') - duplicate parameter\r\n"
                    + "-ERR wrong number of arguments for 'config|set' command\r\n"
                    + "-ERR syntax error\r\n"
                    + "-ERR Unknown option or number of arguments for CONFIG SET - 'foo'\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'protected-mode') - argument must be 'yes' or 'no'\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'proto-max-bulk-len') - argument must be between 1048576 and 9223372036854775807 inclusive\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'proto-max-bulk-len') - argument must be a memory value\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'timeout') - argument must be between 0 and 2147483647 inclusive\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config\r\n"
                    + "-ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer\r\n"
                    + "*2\r\n$7\r\ntimeout\r\n$1\r\n0\r\n";
            assertEquals(expected, c.readLike(expected), "and a refused pair leaves the others unchanged");
            c.send(command("CONFIG", "SET", "timeout", "7", "HZ", "20") + command("CONFIG", "GET", "timeout", "hz"));
            expected = "+OK\r\n*4\r\n$7\r\ntimeout\r\n$1\r\n7\r\n$2\r\nhz\r\n$2\r\n20\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void configSetTimeoutClosesIdleClients() throws Exception {
        ManualClock clock = new ManualClock(1_000_000);
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").set("hz", "100")
                .clock(clock).build().start();
             RawClient admin = new RawClient(s.port()); RawClient idle = new RawClient(s.port())) {
            idle.send(command("PING"));
            assertEquals("+PONG\r\n", idle.read(7));
            clock.advance(60_000);
            admin.send(command("PING"));
            assertEquals("+PONG\r\n", admin.read(7), "no timeout yet: nobody is closed");
            admin.send(command("CONFIG", "SET", "timeout", "10"));
            assertEquals("+OK\r\n", admin.read(5));
            clock.advance(1_000);
            assertTrue(idle.atEof(), "idle 61 s with timeout 10: closed");
            admin.send(command("PING"));
            assertEquals("+PONG\r\n", admin.read(7));
        }
    }

    @Test
    void configSetPortMovesTheListenerOrUndoesTheWholeCall() throws Exception {
        // As the shipped config: a port in use on the one address must refuse, even though ::1 is free.
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1 -::1").build().start();
             java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             RawClient c = new RawClient(s.port())) {
            int first = s.port();
            String busy = "-ERR CONFIG SET failed (possibly related to argument 'port') - Unable to listen on this "
                    + "port. Check server logs.\r\n";
            c.send(command("CONFIG", "SET", "maxmemory", "5", "port", Integer.toString(taken.getLocalPort())));
            assertEquals(busy, c.readLike(busy));
            assertEquals("*4\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n$4\r\nport\r\n$" + Integer.toString(first).length()
                    + "\r\n" + first + "\r\n", c.call("CONFIG", "GET", "maxmemory", "port"), "both put back");
            try (RawClient still = new RawClient(first)) {
                assertEquals("+PONG\r\n", still.call("PING"), "still listening where it was");
            }

            int next;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                next = probe.getLocalPort();
            }
            assertEquals("+OK\r\n", c.call("CONFIG", "SET", "port", Integer.toString(next)));
            assertEquals(next, s.port());
            try (RawClient moved = new RawClient(next)) {
                assertEquals("+PONG\r\n", moved.call("PING"), "listening on the new port");
            }
            assertEquals("+PONG\r\n", c.call("PING"), "connected clients stay");
            assertThrows(ConnectException.class, () -> new RawClient(first).close(), "the old port is closed");
        }
    }

    @Test
    void configSetMaxclientsAndRequirepassApplyToNewConnections() throws Exception {
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
             RawClient admin = new RawClient(s.port())) {
            admin.send(command("CONFIG", "SET", "maxclients", "1"));
            assertEquals("+OK\r\n", admin.read(5));
            try (RawClient extra = new RawClient(s.port())) {
                String expected = "-ERR max number of clients reached\r\n";
                assertEquals(expected, extra.readLike(expected));
                assertTrue(extra.atEof());
            }
            admin.send(command("CONFIG", "SET", "maxclients", "10", "requirepass", "s3cret"));
            assertEquals("+OK\r\n", admin.read(5));
            admin.send(command("PING"));
            assertEquals("+PONG\r\n", admin.read(7), "a client already in stays authenticated, as in Redis");
            try (RawClient fresh = new RawClient(s.port())) {
                fresh.send(command("PING") + command("AUTH", "s3cret") + command("PING"));
                String expected = "-NOAUTH Authentication required.\r\n+OK\r\n+PONG\r\n";
                assertEquals(expected, fresh.readLike(expected));
            }
        }
    }

    @Test
    void configRewriteWithoutAndWithFile() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("CONFIG", "REWRITE") + command("CONFIG", "REWRITE", "x"));
            String expected = "-ERR The server is running without a config file\r\n"
                    + "-ERR wrong number of arguments for 'config|rewrite' command\r\n";
            assertEquals(expected, c.readLike(expected));
        }
        Path file = dir.resolve("pyredis.json");
        Files.writeString(file, "{\n  // mine\n  \"port\": 0,\n  \"bind\": \"127.0.0.1\",\n  \"proto-max-bulk-len\": \"512mb\",\n"
                + "  \"hash-max-ziplist-entries\": 100\n}\n");
        try (PyRedisServer s = PyRedisServer.builder().configFile(file).build().start();
             RawClient c = new RawClient(s.port())) {
            c.send(command("CONFIG", "SET", "hz", "25", "timeout", "30", "maxmemory-policy", "allkeys-lru",
                    "hash-max-listpack-entries", "200", "maxmemory-clients", "10%", "slowlog-log-slower-than", "-1",
                    "latency-tracking-info-percentiles", "99.9")
                    + command("CONFIG", "SET", "maxmemory-samples", "5") + command("CONFIG", "REWRITE"));
            assertEquals("+OK\r\n+OK\r\n+OK\r\n", c.read(15));
        }
        assertEquals("{\n  \"port\": 0,\n  \"bind\": \"127.0.0.1\",\n  \"proto-max-bulk-len\": \"512mb\",\n"
                + "  \"hash-max-ziplist-entries\": 200,\n"
                + "  \"maxmemory-policy\": \"allkeys-lru\",\n  \"timeout\": 30,\n  \"hz\": 25,\n"
                + "  \"slowlog-log-slower-than\": -1,\n  \"maxmemory-clients\": \"10%\",\n"
                + "  \"latency-tracking-info-percentiles\": \"99.9\",\n"
                + "  \"user\": [\"default on nopass ~* &* +@all\"]\n}\n", Files.readString(file),
                "keys in the file rewritten in place (an alias as the alias), changed ones appended in Redis's table "
                        + "order, defaults (maxmemory-samples 5) left out, the ACL users last (Redis writes "
                        + "'user default on nopass ~* &* +@all' too)");
        PyRedisServer again = PyRedisServer.builder().configFile(file).build();
        assertEquals("25", again.config("hz"), "the rewritten file loads");
        assertEquals("30", again.config("timeout"));
        assertEquals("200", again.config("hash-max-listpack-entries"));
        assertEquals("10%", again.config("maxmemory-clients"));
        assertEquals("99.9", again.config("latency-tracking-info-percentiles"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void infoFormatAndSections() throws Exception {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            String all = j.info();
            assertTrue(all.startsWith("# Server\r\nredis_version:7.0.15\r\npyredis_version:0.1.0\r\n"), all);
            assertTrue(all.contains("\r\n\r\n# Clients\r\nconnected_clients:"), all);
            assertTrue(all.endsWith("\r\n") && !all.endsWith("\r\n\r\n"), "no blank line after the last section");
            String[] order = {"# Server", "# Clients", "# Memory", "# Persistence", "# Stats", "# Replication", "# CPU",
                "# Modules", "# Errorstats", "# Cluster", "# Keyspace"};
            int at = -1;
            for (String h : order) {
                int i = all.indexOf(h + "\r\n");
                assertTrue(i > at, h + " in Redis's order");
                at = i;
            }
            assertFalse(all.contains("# Commandstats"), "not in the default sections");
            for (String line : all.split("\r\n")) {
                assertTrue(line.isEmpty() || line.startsWith("# ") || line.matches("[a-z0-9_]+:.*"), line);
            }
            String server0 = j.info("server");
            assertTrue(server0.matches("(?s).*\r\nrun_id:[0-9a-f]{40}\r\n.*"), server0);
            assertTrue(server0.contains("\r\ntcp_port:" + ServerCommandsTest.server.port() + "\r\n"), server0);
            assertTrue(server0.contains("\r\nredis_mode:standalone\r\n") && server0.contains("\r\narch_bits:64\r\n"));
            String mem = j.info("MEMORY");
            assertTrue(mem.matches("(?s)# Memory\r\nused_memory:\\d+\r\nused_memory_human:\\d+(\\.\\d\\d[KMGTP]|B)\r\n.*"), mem);
            assertTrue(mem.contains("\r\nmaxmemory:0\r\n") && mem.contains("\r\nmem_allocator:jvm\r\n"), mem);
        }
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("INFO", "foo") + command("INFO", "cluster", "CLUSTER"));
            String expected = "$0\r\n\r\n$30\r\n# Cluster\r\ncluster_enabled:0\r\n\r\n";
            assertEquals(expected, c.readLike(expected));
            c.send(command("HELLO", "3"));
            c.readUntil("*0\r\n");
            c.send(command("INFO", "cluster"));
            expected = "=34\r\ntxt:# Cluster\r\ncluster_enabled:0\r\n\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void infoKeyspaceStatsAndResetstat() throws Exception {
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
             Jedis j = new Jedis("127.0.0.1", s.port())) {
            assertEquals("# Keyspace\r\n", j.info("keyspace"), "empty databases are not listed");
            j.set("a", "1");
            j.set("b", "2", redis.clients.jedis.params.SetParams.setParams().ex(100));
            j.select(2);
            j.set("c", "3");
            assertEquals("# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=0\r\ndb2:keys=1,expires=0,avg_ttl=0\r\n",
                    j.info("keyspace"));
            j.get("c");
            j.get("nope");
            assertThrows(JedisDataException.class, () -> j.configSet("databases", "1"));
            String stats = j.info("stats");
            assertTrue(stats.contains("\r\nkeyspace_hits:1\r\nkeyspace_misses:1\r\n"), stats);
            assertTrue(stats.contains("\r\ntotal_error_replies:1\r\n"), stats);
            assertTrue(stats.contains("\r\ntotal_connections_received:1\r\n"), stats);
            assertEquals("# Errorstats\r\nerrorstat_ERR:count=1\r\n", j.info("errorstats"));
            String cmds = j.info("commandstats");
            assertTrue(cmds.contains("\r\ncmdstat_set:calls=3,usec="), cmds);
            assertTrue(cmds.contains("\r\ncmdstat_config|set:calls=1,") && cmds.contains(",rejected_calls=0,failed_calls=1\r\n"), cmds);
            assertEquals("OK", j.configResetStat());
            assertEquals("# Errorstats\r\n", j.info("errorstats"));
            stats = j.info("stats");
            assertTrue(stats.contains("\r\nkeyspace_hits:0\r\nkeyspace_misses:0\r\n"), stats);
            assertTrue(stats.contains("\r\ntotal_commands_processed:2\r\n"), "RESETSTAT and one INFO since: " + stats);
            String cs = j.info("commandstats");
            assertFalse(cs.contains("cmdstat_set:"), cs);
            assertTrue(cs.contains("\r\ncmdstat_config|resetstat:calls=1,"), cs);
        }
    }

    @Test
    void lettuceParsesInfo() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            String info = conn.sync().info();
            assertTrue(info.startsWith("# Server\r\nredis_version:7.0.15\r\n"), info);
            assertTrue(conn.sync().info("clients").startsWith("# Clients\r\nconnected_clients:"));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void dbsizeFlushdbFlushallTime() throws Exception {
        ManualClock clock = new ManualClock(1_700_000_123_456L);
        try (PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").clock(clock).build().start();
             RawClient c = new RawClient(s.port())) {
            c.send(command("SET", "a", "1") + command("SET", "b", "1") + command("SELECT", "1") + command("SET", "c", "1")
                    + command("DBSIZE") + command("DBSIZE", "x") + command("FLUSHDB", "foo") + command("FLUSHDB", "async", "x")
                    + command("FLUSHDB", "SYNC") + command("DBSIZE") + command("SELECT", "0") + command("DBSIZE")
                    + command("FLUSHALL", "x") + command("FLUSHALL", "ASYNC") + command("DBSIZE")
                    + command("TIME") + command("TIME", "x"));
            String expected = "+OK\r\n+OK\r\n+OK\r\n+OK\r\n:1\r\n-ERR wrong number of arguments for 'dbsize' command\r\n"
                    + "-ERR syntax error\r\n-ERR syntax error\r\n+OK\r\n:0\r\n+OK\r\n:2\r\n-ERR syntax error\r\n+OK\r\n:0\r\n"
                    + "*2\r\n$10\r\n1700000123\r\n$6\r\n456000\r\n-ERR wrong number of arguments for 'time' command\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void shutdownArgumentsAsRedis() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("SHUTDOWN", "foo") + command("SHUTDOWN", "NOSAVE", "SAVE") + command("SHUTDOWN", "ABORT")
                    + command("SHUTDOWN", "ABORT", "NOW") + command("PING"));
            String expected = "-ERR syntax error\r\n-ERR syntax error\r\n-ERR No shutdown in progress.\r\n"
                    + "-ERR syntax error\r\n+PONG\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void shutdownStopsAnEmbeddedServerWithoutExitingTheJvm() throws Exception {
        PyRedisServer s = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
        int port = s.port();
        try (RawClient other = new RawClient(port); RawClient c = new RawClient(port)) {
            other.send(command("PING"));
            assertEquals("+PONG\r\n", other.read(7));
            c.send(command("SHUTDOWN", "NOSAVE", "NOW") + command("PING"));
            assertTrue(c.atEof(), "no reply, the connection closes");
            assertTrue(other.atEof(), "every client is disconnected");
        }
        assertTrue(s.isClosed());
        boolean refused;
        try (RawClient again = new RawClient(port)) {
            refused = again.atEof();
        } catch (ConnectException e) {
            refused = true;
        }
        assertTrue(refused, "the port no longer accepts");
        s.close();
        // Still here: the JVM did not exit, and another server starts fine.
        try (PyRedisServer next = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
             Jedis j = new Jedis("127.0.0.1", next.port())) {
            assertEquals("PONG", j.ping());
        }
    }
}
