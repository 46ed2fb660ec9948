package io.pyredis.commands.lists;

import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

import java.util.EnumSet;
import java.util.Set;

/** Builds the {@link CommandSpec}s of this pack: every one is in Redis's "list" group. */
final class Specs {

    static final Set<CommandFlag> READONLY = Set.of(CommandFlag.READONLY);
    static final Set<CommandFlag> READONLY_FAST = Set.of(CommandFlag.READONLY, CommandFlag.FAST);
    static final Set<CommandFlag> WRITE = Set.of(CommandFlag.WRITE);
    static final Set<CommandFlag> WRITE_FAST = Set.of(CommandFlag.WRITE, CommandFlag.FAST);
    static final Set<CommandFlag> WRITE_DENYOOM = Set.of(CommandFlag.WRITE, CommandFlag.DENYOOM);
    static final Set<CommandFlag> WRITE_DENYOOM_FAST =
            Set.copyOf(EnumSet.of(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST));
    static final Set<CommandFlag> WRITE_MOVABLEKEYS = Set.of(CommandFlag.WRITE, CommandFlag.MOVABLEKEYS);
    static final Set<CommandFlag> WRITE_NOSCRIPT_BLOCKING =
            Set.copyOf(EnumSet.of(CommandFlag.WRITE, CommandFlag.NOSCRIPT, CommandFlag.BLOCKING));
    static final Set<CommandFlag> WRITE_DENYOOM_NOSCRIPT_BLOCKING = Set.copyOf(
            EnumSet.of(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.NOSCRIPT, CommandFlag.BLOCKING));
    static final Set<CommandFlag> WRITE_BLOCKING_MOVABLEKEYS =
            Set.copyOf(EnumSet.of(CommandFlag.WRITE, CommandFlag.BLOCKING, CommandFlag.MOVABLEKEYS));

    /** Source and destination, as LMOVE takes them. */
    static final KeySpec TWO_KEYS = KeySpec.of(1, 2, 1);

    /** Redis's complexity line of the push commands. */
    static final String PUSH_COMPLEXITY = "O(1) for each element added, so O(N) to add N elements when the "
            + "command is called with multiple arguments.";
    static final String MPOP_COMPLEXITY = "O(N+M) where N is the number of provided keys and M is the number "
            + "of elements returned.";

    private Specs() {
    }

    static CommandSpec of(String name, int arity, Set<CommandFlag> flags, KeySpec keys, String since,
                          String summary, String complexity, String syntax) {
        return new CommandSpec(name, arity, flags, keys, "list", since, summary, complexity, syntax);
    }

    /** A command on one key right after the name. */
    static CommandSpec oneKey(String name, int arity, Set<CommandFlag> flags, String since, String summary,
                              String complexity, String syntax) {
        return of(name, arity, flags, KeySpec.FIRST, since, summary, complexity, syntax);
    }
}
