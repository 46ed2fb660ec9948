package io.pyredis.commands.strings;

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
class StringsPackTest {

    /** {@code COMMAND INFO} of redis-server 7.0.15: name arity flags... first last step. */
    private static final String REDIS_COMMAND_INFO = """
            get 2 readonly fast 1 1 1
            set -3 write denyoom 1 1 1
            setnx 3 write denyoom fast 1 1 1
            setex 4 write denyoom 1 1 1
            psetex 4 write denyoom 1 1 1
            getset 3 write denyoom fast 1 1 1
            getdel 2 write fast 1 1 1
            getex -2 write fast 1 1 1
            mget -2 readonly fast 1 -1 1
            mset -3 write denyoom 1 -1 2
            msetnx -3 write denyoom 1 -1 2
            incr 2 write denyoom fast 1 1 1
            decr 2 write denyoom fast 1 1 1
            incrby 3 write denyoom fast 1 1 1
            decrby 3 write denyoom fast 1 1 1
            incrbyfloat 3 write denyoom fast 1 1 1
            append 3 write denyoom fast 1 1 1
            strlen 2 readonly fast 1 1 1
            getrange 4 readonly 1 1 1
            setrange 4 write denyoom 1 1 1
            substr 4 readonly 1 1 1
            lcs -3 readonly 1 2 1
            """;

    @Test
    void serviceLoaderFindsThePack() {
        List<CommandPack> packs = new ArrayList<>();
        ServiceLoader.load(CommandPack.class).forEach(packs::add);
        assertTrue(packs.stream().anyMatch(p -> p instanceof StringsPack), packs.toString());
        StringsPack pack = new StringsPack();
        assertEquals("strings", pack.name());
        assertEquals(SpiVersion.CURRENT, pack.spiVersion());
    }

    @Test
    void specsMatchRedisCommandInfo() {
        List<String> ours = new ArrayList<>();
        for (Command c : new StringsPack().commands()) {
            CommandSpec s = c.spec();
            String flags = s.flags().stream().map(CommandFlag::redisName)
                    .sorted(StringsPackTest::redisFlagOrder).collect(Collectors.joining(" "));
            ours.add(s.name() + " " + s.arity() + " " + flags + " "
                    + s.keys().firstKey() + " " + s.keys().lastKey() + " " + s.keys().step());
        }
        assertEquals(REDIS_COMMAND_INFO.lines().collect(Collectors.toList()), ours);
    }

    @Test
    void docsFields() {
        for (Command c : new StringsPack().commands()) {
            CommandSpec s = c.spec();
            assertEquals("string", s.group(), s.name());
            assertFalse(s.since().isEmpty(), s.name());
            assertFalse(s.summary().isEmpty(), s.name());
            assertTrue(s.complexity().startsWith("O("), s.name());
            assertFalse(s.syntax().isEmpty(), s.name());
        }
        CommandSpec set = new SetCommand().spec();
        assertEquals("key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds"
                + " | PXAT unix-time-milliseconds | KEEPTTL]", set.syntax());
        assertEquals("7.0.0", new LcsCommand().spec().since());
    }

    @Test
    void namesAreUniqueAndClassesAreNamedAfterTheirCommand() {
        TreeSet<String> names = new TreeSet<>();
        for (Command c : new StringsPack().commands()) {
            assertTrue(names.add(c.spec().name()));
            String simple = c.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            assertEquals(c.spec().name() + "command", simple);
        }
        assertEquals(22, names.size());
    }

    private static int redisFlagOrder(String a, String b) {
        List<String> order = List.of("write", "readonly", "denyoom", "fast");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }
}
