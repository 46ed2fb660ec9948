package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandPack;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.SpiVersion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pack as the server sees it: found by ServiceLoader, with Redis 7.0's command metadata. */
class HashesPackTest {

    /** {@code COMMAND INFO} of redis-server 7.0.15: name arity flags... first last step. */
    private static final String REDIS_COMMAND_INFO = """
            hset -4 write denyoom fast 1 1 1
            hsetnx 4 write denyoom fast 1 1 1
            hget 3 readonly fast 1 1 1
            hmget -3 readonly fast 1 1 1
            hmset -4 write denyoom fast 1 1 1
            hdel -3 write fast 1 1 1
            hlen 2 readonly fast 1 1 1
            hstrlen 3 readonly fast 1 1 1
            hexists 3 readonly fast 1 1 1
            hkeys 2 readonly 1 1 1
            hvals 2 readonly 1 1 1
            hgetall 2 readonly 1 1 1
            hincrby 4 write denyoom fast 1 1 1
            hincrbyfloat 4 write denyoom fast 1 1 1
            hrandfield -2 readonly 1 1 1
            hscan -3 readonly 1 1 1
            """;

    @Test
    void serviceLoaderFindsThePack() {
        List<CommandPack> packs = new ArrayList<>();
        ServiceLoader.load(CommandPack.class).forEach(packs::add);
        assertTrue(packs.stream().anyMatch(p -> p instanceof HashesPack), packs.toString());
        HashesPack pack = new HashesPack();
        assertEquals("hashes", pack.name());
        assertEquals(SpiVersion.CURRENT, pack.spiVersion());
    }

    @Test
    void specsMatchRedisCommandInfo() {
        List<String> ours = new ArrayList<>();
        for (Command c : new HashesPack().commands()) {
            CommandSpec s = c.spec();
            String flags = s.flags().stream().map(CommandFlag::redisName)
                    .sorted(HashesPackTest::redisFlagOrder).collect(Collectors.joining(" "));
            ours.add(s.name() + " " + s.arity() + " " + flags + " "
                    + s.keys().firstKey() + " " + s.keys().lastKey() + " " + s.keys().step());
        }
        assertEquals(REDIS_COMMAND_INFO.lines().collect(Collectors.toList()), ours);
    }

    @Test
    void docsFields() {
        for (Command c : new HashesPack().commands()) {
            CommandSpec s = c.spec();
            assertEquals("hash", s.group(), s.name());
            assertFalse(s.since().isEmpty(), s.name());
            assertFalse(s.summary().isEmpty(), s.name());
            assertTrue(s.complexity().contains("O("), s.name());
            assertFalse(s.syntax().isEmpty(), s.name());
        }
        assertEquals("key [count [WITHVALUES]]", new HRandFieldCommand().spec().syntax());
        assertEquals("6.2.0", new HRandFieldCommand().spec().since());
        assertEquals("Set the string value of a hash field", new HSetCommand().spec().summary());
    }

    @Test
    void namesAreUniqueAndClassesAreNamedAfterTheirCommand() {
        TreeSet<String> names = new TreeSet<>();
        for (Command c : new HashesPack().commands()) {
            assertTrue(names.add(c.spec().name()));
            String simple = c.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            assertEquals(c.spec().name() + "command", simple);
        }
        assertEquals(16, names.size());
    }

    private static int redisFlagOrder(String a, String b) {
        List<String> order = List.of("write", "readonly", "denyoom", "fast", "movablekeys");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }
}
