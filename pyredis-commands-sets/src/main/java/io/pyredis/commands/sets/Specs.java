package io.pyredis.commands.sets;

import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

import java.util.EnumSet;
import java.util.Set;

/** Builds the {@link CommandSpec}s of this pack: every one is in Redis's "set" group. */
final class Specs {

    static final Set<CommandFlag> READONLY = Set.of(CommandFlag.READONLY);
    static final Set<CommandFlag> READONLY_FAST = Set.of(CommandFlag.READONLY, CommandFlag.FAST);
    static final Set<CommandFlag> WRITE_DENYOOM = Set.of(CommandFlag.WRITE, CommandFlag.DENYOOM);
    static final Set<CommandFlag> WRITE_DENYOOM_FAST =
            Set.copyOf(EnumSet.of(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST));
    static final Set<CommandFlag> WRITE_FAST = Set.of(CommandFlag.WRITE, CommandFlag.FAST);
    /** Keys from the first argument to the last. */
    static final KeySpec ALL_KEYS = KeySpec.ALL;
    /** A destination key then source keys. */
    static final KeySpec STORE_KEYS = KeySpec.ALL;

    private Specs() {
    }

    static CommandSpec of(String name, int arity, Set<CommandFlag> flags, KeySpec keys, String since,
                          String summary, String complexity, String syntax) {
        return new CommandSpec(name, arity, flags, keys, "set", since, summary, complexity, syntax);
    }

    static CommandSpec oneKey(String name, int arity, Set<CommandFlag> flags, String since, String summary,
                              String complexity, String syntax) {
        return of(name, arity, flags, KeySpec.FIRST, since, summary, complexity, syntax);
    }
}
