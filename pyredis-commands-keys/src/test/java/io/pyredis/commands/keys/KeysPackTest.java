package io.pyredis.commands.keys;

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
class KeysPackTest {

    /** {@code COMMAND INFO} of redis-server 7.0.15: name arity flags... first last step. */
    private static final String REDIS_COMMAND_INFO = """
            del -2 write 1 -1 1
            unlink -2 write fast 1 -1 1
            exists -2 readonly fast 1 -1 1
            type 2 readonly fast 1 1 1
            touch -2 readonly fast 1 -1 1
            expire -3 write fast 1 1 1
            pexpire -3 write fast 1 1 1
            expireat -3 write fast 1 1 1
            pexpireat -3 write fast 1 1 1
            ttl 2 readonly fast 1 1 1
            pttl 2 readonly fast 1 1 1
            expiretime 2 readonly fast 1 1 1
            pexpiretime 2 readonly fast 1 1 1
            persist 2 write fast 1 1 1
            keys 2 readonly 0 0 0
            scan -2 readonly 0 0 0
            rename 3 write 1 2 1
            renamenx 3 write fast 1 2 1
            randomkey 1 readonly 0 0 0
            copy -3 write denyoom 1 2 1
            move 3 write fast 1 1 1
            swapdb 3 write fast 0 0 0
            object -2  0 0 0
            object|encoding 3 readonly 2 2 1
            object|freq 3 readonly 2 2 1
            object|help 2 loading stale 0 0 0
            object|idletime 3 readonly 2 2 1
            object|refcount 3 readonly 2 2 1
            sort -2 write denyoom movablekeys 1 1 1
            sort_ro -2 readonly movablekeys 1 1 1
            """;

    @Test
    void serviceLoaderFindsThePack() {
        List<CommandPack> packs = new ArrayList<>();
        ServiceLoader.load(CommandPack.class).forEach(packs::add);
        assertTrue(packs.stream().anyMatch(p -> p instanceof KeysPack), packs.toString());
        KeysPack pack = new KeysPack();
        assertEquals("keys", pack.name());
        assertEquals(SpiVersion.CURRENT, pack.spiVersion());
    }

    @Test
    void specsMatchRedisCommandInfo() {
        List<String> ours = new ArrayList<>();
        for (Command c : all()) {
            CommandSpec s = c.spec();
            String flags = s.flags().stream().map(CommandFlag::redisName)
                    .sorted(KeysPackTest::redisFlagOrder).collect(Collectors.joining(" "));
            ours.add(s.name() + " " + s.arity() + " " + flags + " "
                    + s.keys().firstKey() + " " + s.keys().lastKey() + " " + s.keys().step());
        }
        assertEquals(REDIS_COMMAND_INFO.lines().collect(Collectors.toList()), ours);
    }

    @Test
    void docsFields() {
        for (Command c : all()) {
            CommandSpec s = c.spec();
            assertEquals(s.name().equals("swapdb") ? "server" : "generic", s.group(), s.name());
            assertFalse(s.since().isEmpty(), s.name());
            assertFalse(s.summary().isEmpty(), s.name());
            assertFalse(s.complexity().isEmpty(), s.name());
        }
        assertEquals("cursor [MATCH pattern] [COUNT count] [TYPE type]", new ScanCommand().spec().syntax());
        assertEquals("key seconds [NX | XX | GT | LT]", new ExpireCommand().spec().syntax());
        assertEquals("source destination [DB destination-db] [REPLACE]", new CopyCommand().spec().syntax());
        assertEquals("7.0.0", new ExpireTimeCommand().spec().since());
        assertEquals("4.0.0", new ObjectFreqCommand().spec().since());
        assertEquals("key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]"
                + " [STORE destination]", new SortCommand().spec().syntax());
        assertEquals("key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]",
                new SortRoCommand().spec().syntax());
        assertEquals("Sort the elements in a list, set or sorted set. Read-only variant of SORT.",
                new SortRoCommand().spec().summary());
        assertEquals("7.0.0", new SortRoCommand().spec().since());
        assertEquals("1.0.0", new SortCommand().spec().since());
    }

    @Test
    void namesAreUniqueAndClassesAreNamedAfterTheirCommand() {
        TreeSet<String> names = new TreeSet<>();
        for (Command c : all()) {
            assertTrue(names.add(c.spec().name()));
            String simple = c.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            assertEquals(c.spec().name().replace("|", "").replace("_", "") + "command", simple);
        }
        assertEquals(30, names.size());
    }

    private static List<Command> all() {
        List<Command> all = new ArrayList<>();
        for (Command c : new KeysPack().commands()) {
            all.add(c);
            all.addAll(c.subcommands());
        }
        return all;
    }

    private static int redisFlagOrder(String a, String b) {
        List<String> order = List.of("write", "readonly", "denyoom", "loading", "stale", "fast", "movablekeys");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }
}
