package io.pyredis.server;

import io.pyredis.testkit.RawClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CLIENT and its subcommands: replies and error texts as recorded from Redis 7.0.15. */
class ClientCommandTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final Pattern LINE = Pattern.compile("id=(\\d+) addr=127\\.0\\.0\\.1:(\\d+) laddr=127\\.0\\.0\\.1:(\\d+) "
            + "fd=\\d+ name=(\\S*) age=\\d+ idle=\\d+ flags=N db=(\\d+) sub=0 psub=0 ssub=0 multi=-1 qbuf=\\d+ "
            + "qbuf-free=\\d+ argv-mem=\\d+ multi-mem=0 rbs=\\d+ rbp=\\d+ obl=\\d+ oll=0 omem=0 tot-mem=\\d+ events=r "
            + "cmd=(\\S+) user=default redir=-1 resp=([23])");

    @Test
    void idNameAndErrors() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("CLIENT") + command("CLIENT", "foo") + command("CLIENT", "ID", "x")
                    + command("CLIENT", "SETNAME") + command("CLIENT", "SETNAME", "a b") + command("CLIENT", "GETNAME")
                    + command("CLIENT", "SETNAME", "x") + command("CLIENT", "GETNAME")
                    + command("CLIENT", "SETNAME", "") + command("CLIENT", "GETNAME")
                    + command("CLIENT", "NO-EVICT", "on") + command("CLIENT", "NO-EVICT", "x")
                    + command("CLIENT", "INFO", "x"));
            String expected = "-ERR wrong number of arguments for 'client' command\r\n"
                    + "-ERR unknown subcommand 'foo'. Try CLIENT HELP.\r\n"
                    + "-ERR wrong number of arguments for 'client|id' command\r\n"
                    + "-ERR wrong number of arguments for 'client|setname' command\r\n"
                    + "-ERR Client names cannot contain spaces, newlines or special characters.\r\n"
                    + "$-1\r\n+OK\r\n$1\r\nx\r\n+OK\r\n$-1\r\n+OK\r\n-ERR syntax error\r\n"
                    + "-ERR wrong number of arguments for 'client|info' command\r\n";
            assertEquals(expected, c.readLike(expected));
        }
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            long id = j.clientId();
            assertTrue(id > 0);
            assertEquals(id, j.clientId(), "the id stays the same on one connection");
        }
    }

    @Test
    void listAndInfoLinesHaveRedisFieldsInOrder() throws Exception {
        try (Jedis a = new Jedis("127.0.0.1", server.port()); Jedis b = new Jedis("127.0.0.1", server.port())) {
            a.clientSetname("alpha");
            a.select(3);
            b.ping();
            String list = b.clientList();
            assertTrue(list.endsWith("\n"), list);
            String[] lines = list.split("\n");
            assertTrue(lines.length >= 2, list);
            long aId = a.clientId();
            boolean sawA = false;
            long previous = 0;
            for (String l : lines) {
                Matcher m = LINE.matcher(l);
                assertTrue(m.matches(), l);
                long id = Long.parseLong(m.group(1));
                assertTrue(id > previous, "in id order: " + list);
                previous = id;
                assertEquals(String.valueOf(server.port()), m.group(3));
                if (id == aId) {
                    sawA = true;
                    assertEquals("alpha", m.group(4));
                    assertEquals("3", m.group(5));
                    assertEquals("select", m.group(6), "the last command a ran before b listed");
                }
            }
            assertTrue(sawA, list);
            String info = a.clientInfo();
            Matcher m = LINE.matcher(info.trim());
            assertTrue(m.matches(), info);
            assertEquals("client|info", m.group(6));
            assertTrue(info.endsWith("\n"));
        }
    }

    @Test
    void listFilters() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("CLIENT", "ID"));
            String idReply = c.readUntil("\r\n");
            String id = idReply.substring(1, idReply.length() - 2);
            c.send(command("CLIENT", "LIST", "TYPE", "foo") + command("CLIENT", "LIST", "ID")
                    + command("CLIENT", "LIST", "ID", "abc") + command("CLIENT", "LIST", "ID", "999999")
                    + command("CLIENT", "LIST", "foo") + command("CLIENT", "LIST", "TYPE", "normal", "x")
                    + command("CLIENT", "LIST", "TYPE", "master") + command("CLIENT", "LIST", "TYPE", "pubsub"));
            String expected = "-ERR Unknown client type 'foo'\r\n-ERR syntax error\r\n-ERR Invalid client ID\r\n"
                    + "$0\r\n\r\n-ERR syntax error\r\n-ERR syntax error\r\n$0\r\n\r\n$0\r\n\r\n";
            assertEquals(expected, c.readLike(expected));
            c.send(command("CLIENT", "LIST", "ID", id, "999999"));
            String one = c.readUntil("\n\r\n");
            assertTrue(one.contains("\r\nid=" + id + " addr="), one);
            assertEquals(1, one.split("id=", -1).length - 1, "one line: " + one);
            c.send(command("CLIENT", "LIST", "TYPE", "NORMAL"));
            assertTrue(c.readUntil("\n\r\n").contains("id=" + id + " "));
        }
    }

    @Test
    void resp3RepliesAreVerbatimStrings() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("HELLO", "3"));
            c.readUntil("*0\r\n");
            c.send(command("CLIENT", "INFO"));
            String r = c.readUntil("\n\r\n");
            assertTrue(r.startsWith("=" ) && r.contains("\r\ntxt:id="), r);
            assertTrue(r.contains(" resp=3\n"), r);
            int len = Integer.parseInt(r.substring(1, r.indexOf("\r\n")));
            assertEquals(len, r.length() - r.indexOf("\r\n") - 4, "the length counts 'txt:' and the text");
            c.send(command("CLIENT", "LIST", "ID", "999999"));
            assertEquals("=4\r\ntxt:\r\n", c.read(10));
        }
    }

    @Test
    void killErrors() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("CLIENT", "KILL", "1.2.3.4:5") + command("CLIENT", "KILL", "ID", "x")
                    + command("CLIENT", "KILL", "ID", "0") + command("CLIENT", "KILL", "ID", "999999")
                    + command("CLIENT", "KILL", "ID", "999", "SKIPME", "maybe")
                    + command("CLIENT", "KILL", "ADDR", "1.2.3.4:5") + command("CLIENT", "KILL", "TYPE", "foo")
                    + command("CLIENT", "KILL", "USER", "nobody") + command("CLIENT", "KILL", "USER", "default")
                    + command("CLIENT", "KILL", "FOO", "bar") + command("CLIENT", "KILL", "ID")
                    + command("CLIENT", "KILL", "ID", "1", "2") + command("CLIENT", "KILL", "ID", "-5"));
            String expected = "-ERR No such client\r\n-ERR client-id should be greater than 0\r\n"
                    + "-ERR client-id should be greater than 0\r\n:0\r\n-ERR syntax error\r\n:0\r\n"
                    + "-ERR Unknown client type 'foo'\r\n-ERR No such user 'nobody'\r\n:0\r\n-ERR syntax error\r\n"
                    + "-ERR No such client\r\n-ERR syntax error\r\n-ERR client-id should be greater than 0\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void killClosesTheTargetConnection() throws Exception {
        try (RawClient killer = new RawClient(server.port()); RawClient victim = new RawClient(server.port());
             RawClient other = new RawClient(server.port())) {
            victim.send(command("CLIENT", "ID"));
            String r = victim.readUntil("\r\n");
            String victimId = r.substring(1, r.length() - 2);
            killer.send(command("CLIENT", "KILL", "ID", victimId));
            assertEquals(":1\r\n", killer.read(4));
            assertTrue(victim.atEof(), "the killed client is disconnected");
            other.send(command("PING"));
            assertEquals("+PONG\r\n", other.read(7), "the others are not");
            killer.send(command("CLIENT", "KILL", "ID", victimId));
            assertEquals(":0\r\n", killer.read(4), "gone from the client list");
        }
    }

    @Test
    void killByAddrOldFormAndLaddr() throws Exception {
        try (RawClient killer = new RawClient(server.port()); RawClient victim = new RawClient(server.port())) {
            victim.send(command("CLIENT", "INFO"));
            String info = victim.readUntil("\n\r\n");
            Matcher m = LINE.matcher(info.substring(info.indexOf("id="), info.length() - 3));
            assertTrue(m.matches(), info);
            killer.send(command("CLIENT", "KILL", "127.0.0.1:" + m.group(2)));
            assertEquals("+OK\r\n", killer.read(5));
            assertTrue(victim.atEof());
        }
        try (RawClient killer = new RawClient(server.port()); RawClient v1 = new RawClient(server.port());
             RawClient v2 = new RawClient(server.port())) {
            v1.send(command("PING"));
            v2.send(command("PING"));
            v1.read(7);
            v2.read(7);
            killer.send(command("CLIENT", "KILL", "LADDR", "127.0.0.1:" + server.port()));
            String n = killer.readUntil("\r\n");
            assertTrue(Integer.parseInt(n.substring(1, n.length() - 2)) >= 2, n);
            assertTrue(v1.atEof());
            assertTrue(v2.atEof());
            killer.send(command("PING"));
            assertEquals("+PONG\r\n", killer.read(7), "SKIPME defaults to yes");
        }
    }

    @Test
    void killSelfRepliesThenCloses() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("CLIENT", "ID"));
            String r = c.readUntil("\r\n");
            c.send(command("CLIENT", "KILL", "ID", r.substring(1, r.length() - 2), "SKIPME", "no") + command("PING"));
            assertEquals(":1\r\n", c.read(4));
            assertTrue(c.atEof());
        }
    }

    @Test
    void helpIsRedisText() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("CLIENT", "HELP"));
            String r = c.readUntil("+    Prints this help.\r\n");
            assertTrue(r.startsWith("*48\r\n+CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                    + "+CACHING (YES|NO)\r\n"), r);
            assertTrue(r.contains("+    * SKIPME (YES|NO)\r\n+      Skip killing current connection (default: yes).\r\n"), r);
            assertTrue(r.endsWith("+NO-EVICT (ON|OFF)\r\n+    Protect current client connection from eviction.\r\n"
                    + "+HELP\r\n+    Prints this help.\r\n"), r);
        }
    }
}
