package io.pyredis.commands.lists;

import io.pyredis.api.BlockingCommand;
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
class ListsPackTest {

    /** {@code COMMAND INFO} of redis-server 7.0.15: name arity flags... first last step. */
    private static final String REDIS_COMMAND_INFO = """
            lpush -3 write denyoom fast 1 1 1
            rpush -3 write denyoom fast 1 1 1
            lpushx -3 write denyoom fast 1 1 1
            rpushx -3 write denyoom fast 1 1 1
            lpop -2 write fast 1 1 1
            rpop -2 write fast 1 1 1
            llen 2 readonly fast 1 1 1
            lrange 4 readonly 1 1 1
            lindex 3 readonly 1 1 1
            lset 4 write denyoom 1 1 1
            linsert 5 write denyoom 1 1 1
            lrem 4 write 1 1 1
            ltrim 4 write 1 1 1
            lpos -3 readonly 1 1 1
            lmove 5 write denyoom 1 2 1
            rpoplpush 3 write denyoom 1 2 1
            lmpop -4 write movablekeys 0 0 0
            blpop -3 write noscript blocking 1 -2 1
            brpop -3 write noscript blocking 1 -2 1
            blmove 6 write denyoom noscript blocking 1 2 1
            brpoplpush 4 write denyoom noscript blocking 1 2 1
            blmpop -5 write blocking movablekeys 0 0 0
            """;

    @Test
    void serviceLoaderFindsThePack() {
        List<CommandPack> packs = new ArrayList<>();
        ServiceLoader.load(CommandPack.class).forEach(packs::add);
        assertTrue(packs.stream().anyMatch(p -> p instanceof ListsPack), packs.toString());
        ListsPack pack = new ListsPack();
        assertEquals("lists", pack.name());
        assertEquals(SpiVersion.CURRENT, pack.spiVersion());
    }

    @Test
    void specsMatchRedisCommandInfo() {
        List<String> ours = new ArrayList<>();
        for (Command c : new ListsPack().commands()) {
            CommandSpec s = c.spec();
            String flags = s.flags().stream().map(CommandFlag::redisName)
                    .sorted(ListsPackTest::redisFlagOrder).collect(Collectors.joining(" "));
            ours.add(s.name() + " " + s.arity() + " " + flags + " "
                    + s.keys().firstKey() + " " + s.keys().lastKey() + " " + s.keys().step());
        }
        assertEquals(REDIS_COMMAND_INFO.lines().collect(Collectors.toList()), ours);
    }

    @Test
    void blockingFlagMeansBlockingCommand() {
        for (Command c : new ListsPack().commands()) {
            assertEquals(c.spec().has(CommandFlag.BLOCKING), c instanceof BlockingCommand, c.spec().name());
        }
    }

    @Test
    void docsFields() {
        for (Command c : new ListsPack().commands()) {
            CommandSpec s = c.spec();
            assertEquals("list", s.group(), s.name());
            assertFalse(s.since().isEmpty(), s.name());
            assertFalse(s.summary().isEmpty(), s.name());
            assertTrue(s.complexity().startsWith("O("), s.name());
            assertFalse(s.syntax().isEmpty(), s.name());
        }
        assertEquals("6.0.6", new LPosCommand().spec().since());
        assertEquals("timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]", new BLMPopCommand().spec().syntax());
    }

    @Test
    void namesAreUniqueAndClassesAreNamedAfterTheirCommand() {
        TreeSet<String> names = new TreeSet<>();
        for (Command c : new ListsPack().commands()) {
            assertTrue(names.add(c.spec().name()));
            String simple = c.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            assertEquals(c.spec().name() + "command", simple);
        }
        assertEquals(22, names.size());
    }

    private static int redisFlagOrder(String a, String b) {
        List<String> order = List.of("write", "readonly", "denyoom", "noscript", "blocking", "movablekeys", "fast");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }
}
