package io.pyredis.commands.sortedsets;

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
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pack as the server sees it: found by ServiceLoader, with Redis 7.0's command metadata. */
class SortedSetsPackTest {

    /** {@code COMMAND INFO} of redis-server 7.0.15: name arity flags... first last step. */
    private static final String REDIS_COMMAND_INFO = """
            zadd -4 write denyoom fast 1 1 1
            zincrby 4 write denyoom fast 1 1 1
            zrem -3 write fast 1 1 1
            zcard 2 readonly fast 1 1 1
            zcount 4 readonly fast 1 1 1
            zlexcount 4 readonly fast 1 1 1
            zscore 3 readonly fast 1 1 1
            zmscore -3 readonly fast 1 1 1
            zrank 3 readonly fast 1 1 1
            zrevrank 3 readonly fast 1 1 1
            zrange -4 readonly 1 1 1
            zrangestore -5 write denyoom 1 2 1
            zrevrange -4 readonly 1 1 1
            zrangebyscore -4 readonly 1 1 1
            zrevrangebyscore -4 readonly 1 1 1
            zrangebylex -4 readonly 1 1 1
            zrevrangebylex -4 readonly 1 1 1
            zremrangebyrank 4 write 1 1 1
            zremrangebyscore 4 write 1 1 1
            zremrangebylex 4 write 1 1 1
            zpopmin -2 write fast 1 1 1
            zpopmax -2 write fast 1 1 1
            zmpop -4 write movablekeys 0 0 0
            zrandmember -2 readonly 1 1 1
            zunion -3 readonly movablekeys 0 0 0
            zinter -3 readonly movablekeys 0 0 0
            zdiff -3 readonly movablekeys 0 0 0
            zunionstore -4 write denyoom movablekeys 1 1 1
            zinterstore -4 write denyoom movablekeys 1 1 1
            zdiffstore -4 write denyoom movablekeys 1 1 1
            zintercard -3 readonly movablekeys 0 0 0
            zscan -3 readonly 1 1 1
            bzpopmin -3 write noscript blocking fast 1 -2 1
            bzpopmax -3 write noscript blocking fast 1 -2 1
            bzmpop -5 write blocking movablekeys 0 0 0
            """;

    @Test
    void serviceLoaderFindsThePack() {
        List<CommandPack> packs = new ArrayList<>();
        ServiceLoader.load(CommandPack.class).forEach(packs::add);
        assertTrue(packs.stream().anyMatch(p -> p instanceof SortedSetsPack), packs.toString());
        assertEquals("sortedsets", new SortedSetsPack().name());
        assertEquals(SpiVersion.CURRENT, new SortedSetsPack().spiVersion());
    }

    @Test
    void specsMatchRedisCommandInfo() {
        List<String> order = List.of("write", "readonly", "denyoom", "noscript", "blocking", "fast", "movablekeys");
        List<String> ours = new ArrayList<>();
        for (Command c : new SortedSetsPack().commands()) {
            CommandSpec s = c.spec();
            String flags = s.flags().stream().map(CommandFlag::redisName)
                    .sorted((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)))
                    .collect(Collectors.joining(" "));
            ours.add(s.name() + " " + s.arity() + " " + flags + " "
                    + s.keys().firstKey() + " " + s.keys().lastKey() + " " + s.keys().step());
        }
        assertEquals(REDIS_COMMAND_INFO.lines().collect(Collectors.toList()), ours);
    }

    @Test
    void docsAndClassNames() {
        for (Command c : new SortedSetsPack().commands()) {
            CommandSpec s = c.spec();
            assertEquals("sorted-set", s.group(), s.name());
            assertFalse(s.since().isEmpty() || s.summary().isEmpty() || s.syntax().isEmpty(), s.name());
            assertTrue(s.complexity().startsWith("O("), s.name());
            assertEquals(s.name() + "command", c.getClass().getSimpleName().toLowerCase(Locale.ROOT));
            assertEquals(s.has(CommandFlag.BLOCKING), c instanceof io.pyredis.api.BlockingCommand, s.name());
        }
        assertEquals(35, new SortedSetsPack().commands().size());
        assertEquals("key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]",
                new ZAddCommand().spec().syntax());
    }
}
