package io.pyredis.server;

import io.pyredis.testkit.RawClient;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import static io.pyredis.testkit.RawClient.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The strings pack, found on the class path by ServiceLoader, through Jedis and Lettuce (which says HELLO 3 first). */
class StringsPackTest {

    static PyRedisServer server;

    @BeforeAll
    static void start() {
        server = PyRedisServer.builder().set("port", "0").set("bind", "127.0.0.1").build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jedisSetGetAcrossDatabases() {
        try (Jedis j = new Jedis("127.0.0.1", server.port())) {
            assertEquals("OK", j.set("jedis:k", "v1"));
            assertEquals("v1", j.get("jedis:k"));
            j.select(1);
            assertNull(j.get("jedis:k"), "databases are separate");
            j.select(0);
            assertEquals("v1", j.get("jedis:k"));
        }
    }

    @Test
    void lettuceWithResp3() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", server.port()));
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisCommands<String, String> sync = conn.sync();
            assertEquals("PONG", sync.ping());
            assertEquals("OK", sync.set("lettuce:k", "v2"));
            assertEquals("v2", sync.get("lettuce:k"));
            assertNull(sync.get("lettuce:missing"));
            assertEquals("x y", sync.echo("x y"));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void resetSelectsDatabaseZero() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("SELECT", "3") + command("SET", "reset:k", "in3") + command("RESET")
                    + command("GET", "reset:k") + command("SELECT", "3") + command("GET", "reset:k"));
            String expected = "+OK\r\n+OK\r\n+RESET\r\n$-1\r\n+OK\r\n$3\r\nin3\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }

    @Test
    void arityOfPackCommandsIsCheckedByTheServer() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(command("GET") + command("set", "k"));
            String expected = "-ERR wrong number of arguments for 'get' command\r\n"
                    + "-ERR wrong number of arguments for 'set' command\r\n";
            assertEquals(expected, c.readLike(expected));
        }
    }
}
