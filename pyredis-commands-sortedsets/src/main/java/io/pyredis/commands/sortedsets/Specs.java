package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

import java.util.EnumSet;
import java.util.Locale;

/** Builds the {@link CommandSpec}s of this pack: every one is in Redis's "sorted-set" group. */
final class Specs {

    private Specs() {
    }

    /**
     * A spec from Redis 7.0's COMMAND INFO (arity, flags as Redis prints them, first/last/step
     * key) and COMMAND DOCS (since, summary, complexity, syntax).
     */
    static CommandSpec of(String name, int arity, String flags, int first, int last, int step, String since,
                          String summary, String complexity, String syntax) {
        EnumSet<CommandFlag> set = EnumSet.noneOf(CommandFlag.class);
        for (String f : flags.split(" ")) {
            set.add(CommandFlag.valueOf(f.toUpperCase(Locale.ROOT)));
        }
        return new CommandSpec(name, arity, set, new KeySpec(first, last, step), "sorted-set", since, summary,
                complexity, syntax);
    }
}
