package io.pyredis.testkit;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.Command;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandPack;
import io.pyredis.api.SpiVersion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every command pack must be, checked the same way for each: found by ServiceLoader,
 * built for this SPI, its commands (and subcommands) exactly those its command metadata
 * describes, each class named after its command, the blocking flag on blocking commands
 * only. Whether the metadata is Redis's is checked end to end against redis-server's own
 * replies (pyredis-dist's CommandMetadataRedisTest).
 */
public abstract class PackTests {

    private final CommandPack pack;
    private final String name;
    private final Set<String> described;
    private final int commands;

    /**
     * @param described the names the pack's metadata describes
     * @param commands  how many top-level commands the pack has
     */
    protected PackTests(CommandPack pack, String name, Set<String> described, int commands) {
        this.pack = pack;
        this.name = name;
        this.described = described;
        this.commands = commands;
    }

    @Test
    void serviceLoaderFindsThePack() {
        List<CommandPack> found = new ArrayList<>();
        ServiceLoader.load(CommandPack.class).forEach(found::add);
        assertTrue(found.stream().anyMatch(p -> p.getClass() == pack.getClass()), found.toString());
        assertEquals(name, pack.name());
        assertEquals(SpiVersion.CURRENT, pack.spiVersion());
    }

    @Test
    void metadataDescribesExactlyTheCommands() {
        TreeSet<String> names = new TreeSet<>();
        for (Command c : pack.commands()) {
            assertTrue(names.add(c.spec().name()), "twice: " + c.spec().name());
            for (Command s : c.subcommands()) {
                assertTrue(names.add(s.spec().name()), "twice: " + s.spec().name());
            }
        }
        assertEquals(new TreeSet<>(described), names);
        assertEquals(commands, pack.commands().size());
    }

    @Test
    void classesAreNamedAfterTheirCommand() {
        for (Command c : pack.commands()) {
            checkName(c);
            c.subcommands().forEach(PackTests::checkName);
        }
    }

    private static void checkName(Command c) {
        String simple = c.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        assertEquals(c.spec().name().replaceAll("[|_-]", "") + "command", simple);
    }

    @Test
    void blockingFlagMeansBlockingCommand() {
        for (Command c : pack.commands()) {
            assertEquals(c.spec().has(CommandFlag.BLOCKING), c instanceof BlockingCommand, c.spec().name());
        }
    }
}
