package io.pyredis.server;

import io.pyredis.testkit.RawClient;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.command.CommandDetail;
import io.lettuce.core.models.command.CommandDetailParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COMMAND and its subcommands, from the built-in and strings-pack specs, as Redis 7.0 shapes them. */
class CommandCommandTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Byte for byte what Redis 7.0.15 replies to COMMAND INFO get. */
    private static final String GET_INFO = "*10\r\n$3\r\nget\r\n:2\r\n*2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n"
            + "*3\r\n+@read\r\n+@string\r\n+@fast\r\n*0\r\n"
            + "*1\r\n*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n"
            + "$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n"
            + "*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n";

    @Test
    void infoMatchesRedisForGetAndBuiltins() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("COMMAND", "INFO", "get", "nosuch"));
            String expected = "*2\r\n" + GET_INFO + "$-1\r\n";
            assertEquals(expected, c.readLike(expected));
            // Recorded from Redis 7.0.15.
            c.send(command("COMMAND", "INFO", "dbsize", "time", "client|id", "config|set"));
            expected = "*4\r\n*10\r\n$6\r\ndbsize\r\n:1\r\n*2\r\n+readonly\r\n+fast\r\n:0\r\n:0\r\n:0\r\n"
                    + "*3\r\n+@keyspace\r\n+@read\r\n+@fast\r\n*2\r\n$25\r\nrequest_policy:all_shards\r\n"
                    + "$23\r\nresponse_policy:agg_sum\r\n*0\r\n*0\r\n"
                    + "*10\r\n$4\r\ntime\r\n:1\r\n*3\r\n+loading\r\n+stale\r\n+fast\r\n:0\r\n:0\r\n:0\r\n*1\r\n+@fast\r\n"
                    + "*1\r\n$23\r\nnondeterministic_output\r\n*0\r\n*0\r\n"
                    + "*10\r\n$9\r\nclient|id\r\n:2\r\n*3\r\n+noscript\r\n+loading\r\n+stale\r\n:0\r\n:0\r\n:0\r\n"
                    + "*2\r\n+@slow\r\n+@connection\r\n*0\r\n*0\r\n*0\r\n"
                    + "*10\r\n$10\r\nconfig|set\r\n:-4\r\n*4\r\n+admin\r\n+noscript\r\n+loading\r\n+stale\r\n:0\r\n:0\r\n:0\r\n"
                    + "*3\r\n+@admin\r\n+@slow\r\n+@dangerous\r\n*2\r\n$24\r\nrequest_policy:all_nodes\r\n"
                    + "$29\r\nresponse_policy:all_succeeded\r\n*0\r\n*0\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void resp3UsesSetsAndMaps() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("HELLO", "3"));
            c.readUntil("*0\r\n");
            c.send(command("COMMAND", "INFO", "time"));
            String expected = "*1\r\n*10\r\n$4\r\ntime\r\n:1\r\n~3\r\n+loading\r\n+stale\r\n+fast\r\n:0\r\n:0\r\n:0\r\n"
                    + "~1\r\n+@fast\r\n~1\r\n$23\r\nnondeterministic_output\r\n~0\r\n~0\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void countListAndErrors() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("COMMAND", "COUNT", "x") + command("COMMAND", "LIST", "FILTERBY", "foo", "bar")
                    + command("COMMAND", "LIST", "FILTERBY") + command("COMMAND", "LIST", "x")
                    + command("COMMAND", "LIST", "FILTERBY", "ACLCAT", "nosuch")
                    + command("COMMAND", "LIST", "FILTERBY", "MODULE", "foo")
                    + command("COMMAND", "LIST", "FILTERBY", "PATTERN", "ech*")
                    + command("COMMAND", "LIST", "FILTERBY", "PATTERN", "CONFIG|[gs]et")
                    + command("COMMAND", "HELP", "x") + command("COMMAND", "nope"));
            String expected = "-ERR wrong number of arguments for 'command|count' command\r\n"
                    + "-ERR syntax error\r\n-ERR syntax error\r\n-ERR syntax error\r\n*0\r\n*0\r\n"
                    + "*1\r\n$4\r\necho\r\n*2\r\n$10\r\nconfig|get\r\n$10\r\nconfig|set\r\n"
                    + "-ERR wrong number of arguments for 'command|help' command\r\n"
                    + "-ERR unknown subcommand 'nope'. Try COMMAND HELP.\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void getkeysFromKeySpecs() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("COMMAND", "GETKEYS", "get") + command("COMMAND", "GETKEYS", "get", "a")
                    + command("COMMAND", "GETKEYS", "nosuch", "a") + command("COMMAND", "GETKEYS", "mset", "a", "1", "b", "2")
                    + command("COMMAND", "GETKEYS", "mset", "a", "1", "b") + command("COMMAND", "GETKEYS", "client", "list")
                    + command("COMMAND", "GETKEYS", "client", "nosub") + command("COMMAND", "GETKEYS", "get", "a", "b")
                    + command("COMMAND", "GETKEYS", "ping", "x"));
            String expected = "-ERR wrong number of arguments for 'command|getkeys' command\r\n"
                    + "*1\r\n$1\r\na\r\n-ERR Invalid command specified\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n"
                    + "*2\r\n$1\r\na\r\n$1\r\nb\r\n-ERR The command has no key arguments\r\n"
                    + "-ERR Invalid command specified\r\n-ERR Invalid number of arguments specified for command\r\n"
                    + "-ERR The command has no key arguments\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void docsHasSummarySinceGroupComplexityArguments() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("COMMAND", "DOCS", "echo", "nosuch"));
            // Byte for byte what Redis 7.0.15 replies; arguments come from the syntax line.
            String expected = "*2\r\n$4\r\necho\r\n*10\r\n$7\r\nsummary\r\n$21\r\nEcho the given string\r\n"
                    + "$5\r\nsince\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n$10\r\nconnection\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n"
                    + "$9\r\narguments\r\n*1\r\n*4\r\n$4\r\nname\r\n$7\r\nmessage\r\n$4\r\ntype\r\n$6\r\nstring\r\n";
            assertEquals(expected, c.readLike(expected));
            c.send(command("COMMAND", "DOCS", "config"));
            String r = c.readUntil("subcommands\r\n");
            assertTrue(r.startsWith("*2\r\n$6\r\nconfig\r\n*10\r\n$7\r\nsummary\r\n$45\r\nA container for server configuration commands\r\n"), r);
            assertEquals("*10\r\n", c.read(5), "five subcommands, as a flat map of name and docs");
        }
    }

    @Test
    void helpIsRedisText() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("COMMAND", "HELP") + command("CONFIG", "HELP"));
            String expected = "*21\r\n+COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                    + "+(no subcommand)\r\n+    Return details about all Redis commands.\r\n+COUNT\r\n"
                    + "+    Return the total number of commands in this Redis server.\r\n+LIST\r\n"
                    + "+    Return a list of all commands in this Redis server.\r\n+INFO [<command-name> ...]\r\n"
                    + "+    Return details about multiple Redis commands.\r\n"
                    + "+    If no command names are given, documentation details for all\r\n+    commands are returned.\r\n"
                    + "+DOCS [<command-name> ...]\r\n+    Return documentation details about multiple Redis commands.\r\n"
                    + "+    If no command names are given, documentation details for all\r\n+    commands are returned.\r\n"
                    + "+GETKEYS <full-command>\r\n+    Return the keys from a full Redis command.\r\n"
                    + "+GETKEYSANDFLAGS <full-command>\r\n"
                    + "+    Return the keys and the access flags from a full Redis command.\r\n+HELP\r\n+    Prints this help.\r\n"
                    + "*11\r\n+CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+GET <pattern>\r\n"
                    + "+    Return parameters matching the glob-like <pattern> and their values.\r\n"
                    + "+SET <directive> <value>\r\n+    Set the configuration <directive> to <value>.\r\n+RESETSTAT\r\n"
                    + "+    Reset statistics reported by the INFO command.\r\n+REWRITE\r\n+    Rewrite the configuration file.\r\n"
                    + "+HELP\r\n+    Prints this help.\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void lettuceParsesCommandAndCount() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisCommands<String, String> sync = conn.sync();
            List<Object> raw = sync.command();
            List<CommandDetail> details = CommandDetailParser.parse(raw);
            assertEquals(sync.commandCount().intValue(), details.size());
            Map<String, CommandDetail> byName = details.stream().collect(Collectors.toMap(CommandDetail::getName, d -> d));
            CommandDetail set = byName.get("set");
            assertEquals(-3, set.getArity());
            assertEquals(1, set.getFirstKeyPosition());
            assertTrue(set.getFlags().contains(CommandDetail.Flag.WRITE), set.getFlags().toString());
            CommandDetail config = byName.get("config");
            assertEquals(-2, config.getArity());
            assertFalse(byName.containsKey("config|get"), "subcommands are nested, not top-level");
            assertTrue(byName.containsKey("client") && byName.containsKey("info") && byName.containsKey("get"));
            assertEquals(1, sync.commandInfo("get").size());
        } finally {
            client.shutdown();
        }
    }
}
