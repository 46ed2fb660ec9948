package io.pyredis.testkit;

import io.pyredis.api.CommandDoc;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

import java.util.List;
import java.util.Set;

/** Specs of the stand-in commands tests define, which need no docs. */
public final class TestSpecs {

    private TestSpecs() {
    }

    /** A command of the "module" group with these flags and keys, documented only by its name. */
    public static CommandSpec of(String name, int arity, Set<CommandFlag> flags, KeySpec... keys) {
        return new CommandSpec(name, arity, flags, List.of(keys),
                new CommandDoc("test command " + name, "0.1", "module", "O(1)", List.of()));
    }
}
