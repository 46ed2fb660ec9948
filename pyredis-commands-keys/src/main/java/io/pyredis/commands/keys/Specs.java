package io.pyredis.commands.keys;

import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

import java.util.Set;

/** Builds the {@link CommandSpec}s of this pack: Redis's "generic" group (SWAPDB is "server"). */
final class Specs {

    static final Set<CommandFlag> NONE = Set.of();
    static final Set<CommandFlag> READONLY = Set.of(CommandFlag.READONLY);
    static final Set<CommandFlag> READONLY_FAST = Set.of(CommandFlag.READONLY, CommandFlag.FAST);
    static final Set<CommandFlag> WRITE = Set.of(CommandFlag.WRITE);
    static final Set<CommandFlag> WRITE_FAST = Set.of(CommandFlag.WRITE, CommandFlag.FAST);
    static final Set<CommandFlag> WRITE_DENYOOM = Set.of(CommandFlag.WRITE, CommandFlag.DENYOOM);
    static final Set<CommandFlag> LOADING_STALE = Set.of(CommandFlag.LOADING, CommandFlag.STALE);

    private Specs() {
    }

    static CommandSpec of(String name, int arity, Set<CommandFlag> flags, KeySpec keys, String since,
                          String summary, String complexity, String syntax) {
        return new CommandSpec(name, arity, flags, keys, "generic", since, summary, complexity, syntax);
    }

    /** A command on one key after the name, O(1), as most of this group is. */
    static CommandSpec oneKey(String name, int arity, Set<CommandFlag> flags, String since,
                              String summary, String syntax) {
        return of(name, arity, flags, KeySpec.FIRST, since, summary, "O(1)", syntax);
    }
}
