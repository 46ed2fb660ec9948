package io.pyredis.dist;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pyredis.server.PyRedisServer;
import io.pyredis.testkit.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ACL as Redis 7.0.15: the replies to acl-requests.txt compared byte for byte with what
 * redis-server 7.0.15 replied (recorded by {@code record-acl-replies.py} into
 * {@code acl-replies-redis-7.0.15.tsv}), then what clients see over real sockets with
 * Jedis and Lettuce: AUTH and HELLO AUTH as a user, NOPERM, ACL LOG entries, the clients
 * of a deleted user and revoked subscribers disconnected, requirepass, and the ACL file.
 */
class AclRedisTest {

    @TempDir
    Path dir;

    private PyRedisServer start(String... config) {
        PyRedisServer.Builder b = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1")
                .set("dir", dir.toString()).set("save", "");
        for (int i = 0; i < config.length; i += 2) {
            b.set(config[i], config[i + 1]);
        }
        return b.build().start();
    }

    /** ACL LOG's entries, each field's value as a string, in the order sent. */
    private static List<Map<String, String>> aclLog(Jedis j) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Object e : (List<?>) j.sendCommand(redis.clients.jedis.Protocol.Command.ACL, "LOG")) {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            List<?> kv = (List<?>) e;
            for (int i = 0; i < kv.size(); i += 2) {
                Object v = kv.get(i + 1);
                m.put(new String((byte[]) kv.get(i)), v instanceof byte[] b ? new String(b) : String.valueOf(v));
            }
            out.add(m);
        }
        return out;
    }

    @Test
    void repliesAreRedis() throws IOException {
        List<String[]> recorded = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                AclRedisTest.class.getResourceAsStream("/acl-replies-redis-7.0.15.tsv"), StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    recorded.add(new String[] {line.substring(0, tab),
                            CommandMetadataRedisTest.unescape(line.substring(tab + 1))});
                }
            }
        }
        assertTrue(recorded.size() > 150, "the recording is complete");
        try (PyRedisServer server = start(); RawClient c = new RawClient(server.port())) {
            List<String> wrong = new ArrayList<>();
            for (String[] rec : recorded) {
                String request = rec[0].replaceFirst("^!", "");
                List<String> words = new ArrayList<>();
                for (String w : request.split(" ")) {
                    words.add(w.equals("\"\"") ? "" : w);
                }
                String got = RecordedReplies.call(c, words);
                if (!rec[0].startsWith("!") && !rec[1].equals(got)) {
                    wrong.add(request + "\n  redis:   " + rec[1].replace("\r\n", "\\r\\n")
                            + "\n  pyredis: " + got.replace("\r\n", "\\r\\n"));
                }
            }
            assertEquals(List.of(), wrong, "requests answered otherwise than by Redis 7.0.15:\n" + String.join("\n", wrong));
        }
    }

    @Test
    void usersAuthenticateWithJedisAndAreCheckedPerCommandKeyAndChannel() {
        try (PyRedisServer server = start(); Jedis admin = new Jedis("127.0.0.1", server.port());
             Jedis j = new Jedis("127.0.0.1", server.port())) {
            admin.aclSetUser("app", "on", ">s3cret", "~app:*", "%R~shared:*", "&events", "+@read", "+@write",
                    "-flushdb", "+publish", "+acl|whoami");
            JedisAccessControlException wrong = assertThrows(JedisAccessControlException.class,
                    () -> j.auth("app", "nope"));
            assertEquals("WRONGPASS invalid username-password pair or user is disabled.", wrong.getMessage());
            assertEquals("OK", j.auth("app", "s3cret"));
            assertEquals("app", j.aclWhoAmI());
            assertEquals("OK", j.set("app:1", "v"));
            assertEquals("v", j.get("app:1"));
            admin.set("shared:x", "s");
            assertEquals("s", j.get("shared:x"));
            JedisDataException keys = assertThrows(JedisDataException.class, () -> j.set("shared:x", "w"));
            assertEquals("NOPERM this user has no permissions to access one of the keys used as arguments",
                    keys.getMessage());
            JedisDataException cmd = assertThrows(JedisDataException.class, j::flushDB);
            assertEquals("NOPERM this user has no permissions to run the 'flushdb' command", cmd.getMessage());
            assertEquals(0, j.publish("events", "m"));
            JedisDataException ch = assertThrows(JedisDataException.class, () -> j.publish("other", "m"));
            assertEquals("NOPERM this user has no permissions to access one of the channels used as arguments",
                    ch.getMessage());
            assertTrue(admin.clientList().contains(" user=app "), admin.clientList());

            // ACL LOG, newest first, with 7.0.15's fields (Jedis 5's aclLog() wants 7.2's entry-id).
            List<Map<String, String>> log = aclLog(admin);
            assertEquals(List.of("channel", "command", "key", "auth"), log.stream().map(m -> m.get("reason")).toList());
            assertEquals(List.of("other", "flushdb", "shared:x", "AUTH"), log.stream().map(m -> m.get("object")).toList());
            assertEquals("app", log.get(3).get("username"));
            assertEquals("toplevel", log.get(0).get("context"));
            assertTrue(log.get(0).get("client-info").contains(" user=app "), log.get(0).get("client-info"));
            assertEquals(List.of("count", "reason", "context", "object", "username", "age-seconds", "client-info"),
                    List.copyOf(log.get(0).keySet()));
            assertEquals("OK", admin.aclLogReset());
            assertEquals(0, aclLog(admin).size());
        }
    }

    @Test
    void deniedCommandInMultiAbortsTheTransactionAndIsLoggedAsMulti() throws IOException {
        try (PyRedisServer server = start(); Jedis admin = new Jedis("127.0.0.1", server.port());
             RawClient c = new RawClient(server.port())) {
            admin.aclSetUser("tx", "on", "nopass", "~*", "+multi", "+exec", "+incr");
            assertEquals("+OK\r\n", c.call("AUTH", "tx", "x"));
            assertEquals("+OK\r\n", c.call("MULTI"));
            assertEquals("+QUEUED\r\n", c.call("INCR", "a"));
            assertEquals("-NOPERM this user has no permissions to run the 'get' command\r\n", c.call("GET", "a"));
            assertEquals("-EXECABORT Transaction discarded because of previous errors.\r\n", c.call("EXEC"));
            assertEquals("multi", aclLog(admin).get(0).get("context"));

            // Rules changed between queueing and EXEC: the command is refused then, as execCommand does.
            assertEquals("+OK\r\n", c.call("MULTI"));
            assertEquals("+QUEUED\r\n", c.call("INCR", "a"));
            admin.aclSetUser("tx", "-incr");
            assertEquals("*1\r\n-NOPERM ACLs rules changed between the moment the transaction was accumulated and "
                    + "the EXEC call. This command is no longer allowed for the following reason: no permission to "
                    + "execute the command or subcommand\r\n", c.call("EXEC"));
            assertEquals(null, admin.get("a"));
        }
    }

    @Test
    void sortPatternsNeedReadAccessToEveryKey() {
        try (PyRedisServer server = start(); Jedis admin = new Jedis("127.0.0.1", server.port());
             Jedis j = new Jedis("127.0.0.1", server.port())) {
            admin.rpush("list", "1", "2");
            admin.aclSetUser("sorter", "on", "nopass", "+sort", "~list", "(+sort ~list %W~*)");
            j.auth("sorter", "x");
            assertEquals(List.of("1", "2"), j.sort("list"));
            JedisDataException by = assertThrows(JedisDataException.class,
                    () -> j.sort("list", new redis.clients.jedis.params.SortingParams().by("w_*")));
            assertEquals("ERR BY option of SORT denied due to insufficient ACL permissions.", by.getMessage());
            JedisDataException get = assertThrows(JedisDataException.class,
                    () -> j.sort("list", new redis.clients.jedis.params.SortingParams().get("v_*")));
            assertEquals("ERR GET option of SORT denied due to insufficient ACL permissions.", get.getMessage());
            admin.aclSetUser("sorter", "(+sort ~list %R~*)");
            assertEquals(List.of("1", "2"), j.sort("list", new redis.clients.jedis.params.SortingParams().by("w_*")),
                    "a selector with %R~* may read any key");
        }
    }

    @Test
    void helloAuthWithLettuceAndSelectors() {
        try (PyRedisServer server = start(); Jedis admin = new Jedis("127.0.0.1", server.port())) {
            admin.aclSetUser("lt", "on", ">pw", "+@all", "%R~r:*", "(+set ~w:*)");
            RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(server.port())
                    .withAuthentication("lt", "pw".toCharArray()).build());
            try (StatefulRedisConnection<String, String> conn = client.connect()) {
                assertEquals("lt", conn.sync().aclWhoami());
                assertEquals("OK", conn.sync().set("w:1", "x"), "the second selector allows SET on w:*");
                assertEquals(null, conn.sync().get("r:1"), "the root selector allows reading r:*");
                io.lettuce.core.RedisCommandExecutionException e = assertThrows(
                        io.lettuce.core.RedisCommandExecutionException.class, () -> conn.sync().get("w:1"));
                assertEquals("NOPERM this user has no permissions to access one of the keys used as arguments",
                        e.getMessage());
            } finally {
                client.shutdown();
            }
            RedisClient bad = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(server.port())
                    .withAuthentication("lt", "wrong".toCharArray()).build());
            try {
                Exception e = assertThrows(Exception.class, bad::connect);
                assertTrue(String.valueOf(e.getCause()).contains("WRONGPASS"), String.valueOf(e.getCause()));
            } finally {
                bad.shutdown();
            }
        }
    }

    @Test
    void clientsOfADeletedUserAndRevokedSubscribersAreDisconnected() throws Exception {
        try (PyRedisServer server = start(); Jedis admin = new Jedis("127.0.0.1", server.port());
             Jedis gone = new Jedis("127.0.0.1", server.port());
             RawClient sub = new RawClient(server.port())) {
            admin.aclSetUser("temp", "on", "nopass", "+@all", "~*", "&news");
            gone.auth("temp", "x");
            assertEquals("PONG", gone.ping());
            assertEquals("+OK\r\n", sub.call("AUTH", "temp", "x"));
            assertEquals("*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n", sub.call("SUBSCRIBE", "news"));
            admin.aclSetUser("temp", "&more");
            assertTrue(admin.clientList().lines().count() == 3, "a superset of channels keeps the subscriber");
            admin.aclSetUser("temp", "resetchannels");
            assertTrue(sub.atEof(), "the subscriber lost its channel");
            assertEquals(1, admin.aclDelUser("temp"));
            assertThrows(JedisConnectionException.class, gone::ping);
            assertEquals(1, admin.clientList().lines().count());
        }
    }

    @Test
    void requirepassIsTheDefaultUsersPassword() {
        try (PyRedisServer server = start("requirepass", "pw"); Jedis j = new Jedis("127.0.0.1", server.port())) {
            JedisDataException noauth = assertThrows(JedisDataException.class, j::ping);
            assertEquals("NOAUTH Authentication required.", noauth.getMessage());
            assertEquals("OK", j.auth("pw"));
            assertEquals("OK", j.auth("default", "pw"));
            assertTrue(j.aclList().get(0).startsWith("user default on #"), j.aclList().get(0));
            j.configSet("requirepass", "");
            assertEquals("user default on nopass ~* &* +@all", j.aclList().get(0));
            try (Jedis fresh = new Jedis("127.0.0.1", server.port())) {
                assertEquals("PONG", fresh.ping(), "nopass again: new clients are authenticated");
            }
        }
    }

    @Test
    void aclFileIsLoadedAtStartSavedAndReloaded() throws IOException {
        Files.writeString(dir.resolve("users.acl"), "user alice on >alice ~* &* +@all\n"
                + "user bob on nopass -@all +get ~b*\n");
        try (PyRedisServer server = start("aclfile", "users.acl"); Jedis j = new Jedis("127.0.0.1", server.port())) {
            assertEquals(List.of("alice", "bob", "default"), j.aclUsers());
            j.aclSetUser("carol", "on", "nopass", "+ping");
            assertEquals("OK", j.aclSave());
            assertEquals(List.of("user alice on #2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90 "
                            + "~* &* +@all",
                    "user bob on nopass ~b* resetchannels -@all +get",
                    "user carol on nopass resetchannels -@all +ping",
                    "user default on nopass ~* &* +@all"),
                    Files.readAllLines(dir.resolve("users.acl")));
            Files.writeString(dir.resolve("users.acl"), "user bob on nopass +nosuch\nuser bob off\nbogus\n");
            JedisDataException e = assertThrows(JedisDataException.class, j::aclLoad);
            assertEquals("ERR users.acl:1: Error in applying operation '+nosuch': Unknown command or category name "
                    + "in ACL. WARNING: Duplicate user 'bob' found on line 2. users.acl:3 should start with user "
                    + "keyword followed by the username. WARNING: ACL errors detected, no change to the previously "
                    + "active ACL rules was performed", e.getMessage());
            assertEquals(4, j.aclUsers().size(), "nothing changed");
        }
        Files.writeString(dir.resolve("users.acl"), "user x on +nosuch\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> start("aclfile", "users.acl"));
        assertTrue(e.getMessage().contains("users.acl:1: Error in applying operation '+nosuch'"), e.getMessage());
    }

    @Test
    void usersOfTheConfigAreCreatedAtStart() throws IOException {
        Files.writeString(dir.resolve("pyredis.json"), "{\"user\": [\"default on nopass ~* +@all\", "
                + "\"ops on >ops +@all ~* &*\"]}");
        try (PyRedisServer server = PyRedisServer.builder().configFile(dir.resolve("pyredis.json")).set("port", "0")
                .set("bind", "127.0.0.1").set("dir", dir.toString()).set("save", "")
                .set("user", "ro on nopass +@read ~*").build().start();
             Jedis j = new Jedis("127.0.0.1", server.port())) {
            assertEquals(List.of("user default on nopass sanitize-payload ~* resetchannels +@all", "user ops on #a92c36e66a25ee99ff862faa8e87987be6c7cd13c3ee661c400a45b0f1e3b132 ~* &* +@all",
                    "user ro on nopass ~* resetchannels -@all +@read"), j.aclList());
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.publish("c", "m"));
            assertEquals("NOPERM this user has no permissions to access one of the channels used as arguments",
                    e.getMessage());
            assertTrue(j.configGet("user").isEmpty(), "not a parameter");
            // As redis-server 7.0.15 with the same redis.conf lines (the default user is reset first).
        }
        UncheckedIOException dup = assertThrows(UncheckedIOException.class, () -> start("user", "x on", "user", "x off"));
        assertTrue(dup.getMessage().contains("Error in user declaration 'x': Duplicate user found. A user can only be "
                + "defined once in config files"), dup.getMessage());
        UncheckedIOException both = assertThrows(UncheckedIOException.class,
                () -> start("user", "x on", "aclfile", "users.acl"));
        assertTrue(both.getMessage().contains("please define either an ACL file or declare users directly"),
                both.getMessage());
    }

    @Test
    void configRewriteWritesTheUsersAndARestartKeepsThem() throws IOException {
        Path conf = dir.resolve("rw.json");
        Files.writeString(conf, "{\"user\": \"default on nopass ~* +@all -flushdb\"}");
        for (int round = 0; round < 2; round++) {
            try (PyRedisServer server = PyRedisServer.builder().configFile(conf).set("port", "0")
                    .set("bind", "127.0.0.1").set("dir", dir.toString()).set("save", "").build().start();
                 Jedis j = new Jedis("127.0.0.1", server.port())) {
                JedisDataException e = assertThrows(JedisDataException.class, j::flushDB);
                assertEquals("NOPERM this user has no permissions to run the 'flushdb' command", e.getMessage());
                if (round == 0) {
                    j.aclSetUser("kept", "on", "nopass", "+get");
                    assertEquals("OK", j.configRewrite());
                } else {
                    assertEquals(List.of("user default on nopass sanitize-payload ~* resetchannels +@all -flushdb",
                            "user kept on nopass resetchannels -@all +get"), j.aclList(),
                            "as rewriteConfigUserOption wrote them");
                }
            }
        }
    }

    @Test
    void theDefaultUserTurnedOffLeavesNewClientsUnauthenticated() {
        try (PyRedisServer server = start(); Jedis admin = new Jedis("127.0.0.1", server.port())) {
            admin.aclSetUser("root", "on", ">r", "+@all", "~*", "&*");
            admin.aclSetUser("default", "off");
            try (Jedis j = new Jedis("127.0.0.1", server.port())) {
                JedisDataException e = assertThrows(JedisDataException.class, j::ping);
                assertEquals("NOAUTH Authentication required.", e.getMessage());
                assertThrows(JedisAccessControlException.class, () -> j.auth("default", "x"));
                assertEquals("OK", j.auth("root", "r"));
                assertEquals("PONG", j.ping());
            }
            assertFalse(admin.aclGetUser("default").getFlags().contains("on"));
        }
    }
}
