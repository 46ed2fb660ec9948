package io.pyredis.core.command;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link CommandTable#swap}: a pack's commands leave and arrive in one step, or not at all. */
class CommandTableTest {

    private static CommandEntry entry(String name, String pack) {
        CommandSpec spec = new CommandSpec(name, -1, Set.of(), List.of(),
                new CommandDoc("test", "0.1.0", "module", "O(1)", List.of()));
        return new CommandEntry(new Command() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public void execute(CommandContext ctx, byte[][] args) {
            }
        }, pack);
    }

    @Test
    void swapRemovesAndAddsTogetherAndGrowsPastTheFirstCapacity() {
        CommandTable t = new CommandTable();
        CommandEntry get = entry("get", "strings");
        t.put("get", get);
        t.put("old1", entry("old1", "p"));
        t.put("old2", entry("old2", "p"));
        List<CommandEntry> fresh = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fresh.add(entry("new" + i, "p"));
        }
        t.swap(List.of("old1", "OLD2"), fresh);
        assertNull(t.get("old1"));
        assertNull(t.get("old2".getBytes(StandardCharsets.US_ASCII)));
        assertSame(get, t.get("GET"));
        assertSame(fresh.get(99), t.get("NEW99".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(101, t.size());
        assertEquals("get", t.all().get(0).name());
        assertEquals("new0", t.all().get(1).name());
    }

    @Test
    void aSwapAddingATakenNameChangesNothing() {
        CommandTable t = new CommandTable();
        CommandEntry get = entry("get", "strings");
        CommandEntry mine = entry("mine", "p");
        t.put("get", get);
        t.put("mine", mine);
        assertThrows(IllegalArgumentException.class, () -> t.swap(List.of("mine"), List.of(entry("get", "p"))));
        assertSame(get, t.get("get"));
        assertSame(mine, t.get("mine"));
        assertEquals(2, t.size());
    }
}
