package io.pyredis.commands.hashes;

import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

import java.util.EnumSet;
import java.util.Set;

/** Builds the {@link CommandSpec}s of this pack: every one is in Redis's "hash" group, on one key. */
final class Specs {

    static final Set<CommandFlag> READONLY = Set.of(CommandFlag.READONLY);
    static final Set<CommandFlag> READONLY_FAST = Set.of(CommandFlag.READONLY, CommandFlag.FAST);
    static final Set<CommandFlag> WRITE_DENYOOM_FAST =
            Set.copyOf(EnumSet.of(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.FAST));
    static final Set<CommandFlag> WRITE_FAST = Set.of(CommandFlag.WRITE, CommandFlag.FAST);

    private Specs() {
    }

    static CommandSpec of(String name, int arity, Set<CommandFlag> flags, String since, String summary,
                          String complexity, String syntax) {
        return new CommandSpec(name, arity, flags, KeySpec.FIRST, "hash", since, summary, complexity, syntax);
    }
}
