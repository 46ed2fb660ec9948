package io.pyredis.commands.sets;

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
class SetsPackTest {

    /** {@code COMMAND INFO} of redis-server 7.0.15: name arity flags... first last step. */
    private static final String REDIS_COMMAND_INFO = """
            sadd -3 write denyoom fast 1 1 1
            srem -3 write fast 1 1 1
            smembers 2 readonly 1 1 1
            sismember 3 readonly fast 1 1 1
            smismember -3 readonly fast 1 1 1
            scard 2 readonly fast 1 1 1
            spop -2 write fast 1 1 1
            srandmember -2 readonly 1 1 1
            smove 4 write fast 1 2 1
            sinter -2 readonly 1 -1 1
            sintercard -3 readonly movablekeys 0 0 0
            sinterstore -3 write denyoom 1 -1 1
            sunion -2 readonly 1 -1 1
            sunionstore -3 write denyoom 1 -1 1
            sdiff -2 readonly 1 -1 1
            sdiffstore -3 write denyoom 1 -1 1
            sscan -3 readonly 1 1 1
            """;

    @Test
    void serviceLoaderFindsThePack() {
        List<CommandPack> packs = new ArrayList<>();
        ServiceLoader.load(CommandPack.class).forEach(packs::add);
        assertTrue(packs.stream().anyMatch(p -> p instanceof SetsPack), packs.toString());
        SetsPack pack = new SetsPack();
        assertEquals("sets", pack.name());
        assertEquals(SpiVersion.CURRENT, pack.spiVersion());
    }

    @Test
    void specsMatchRedisCommandInfo() {
        List<String> ours = new ArrayList<>();
        for (Command c : new SetsPack().commands()) {
            CommandSpec s = c.spec();
            String flags = s.flags().stream().map(CommandFlag::redisName)
                    .sorted(SetsPackTest::redisFlagOrder).collect(Collectors.joining(" "));
            ours.add(s.name() + " " + s.arity() + " " + flags + " "
                    + s.keys().firstKey() + " " + s.keys().lastKey() + " " + s.keys().step());
        }
        assertEquals(REDIS_COMMAND_INFO.lines().collect(Collectors.toList()), ours);
    }

    @Test
    void docsFields() {
        for (Command c : new SetsPack().commands()) {
            CommandSpec s = c.spec();
            assertEquals("set", s.group(), s.name());
            assertFalse(s.since().isEmpty(), s.name());
            assertFalse(s.summary().isEmpty(), s.name());
            assertTrue(s.complexity().contains("O("), s.name());
            assertFalse(s.syntax().isEmpty(), s.name());
        }
        assertEquals("numkeys key [key ...] [LIMIT limit]", new SInterCardCommand().spec().syntax());
        assertEquals("7.0.0", new SInterCardCommand().spec().since());
        assertEquals("Incrementally iterate Set elements", new SScanCommand().spec().summary());
    }

    @Test
    void namesAreUniqueAndClassesAreNamedAfterTheirCommand() {
        TreeSet<String> names = new TreeSet<>();
        for (Command c : new SetsPack().commands()) {
            assertTrue(names.add(c.spec().name()));
            String simple = c.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            assertEquals(c.spec().name() + "command", simple);
        }
        assertEquals(17, names.size());
    }

    private static int redisFlagOrder(String a, String b) {
        List<String> order = List.of("write", "readonly", "denyoom", "fast", "movablekeys");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }
}
