package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

import java.util.Set;

/**
 * {@code SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]}
 */
public final class SortRoCommand implements Command {

    static final String COMPLEXITY = "O(N+M*log(M)) where N is the number of elements in the list or set to sort,"
            + " and M the number of returned elements. When the elements are not sorted, complexity is O(N).";

    private static final CommandSpec SPEC = Specs.of("sort_ro", -2,
            Set.of(CommandFlag.READONLY, CommandFlag.MOVABLEKEYS), KeySpec.FIRST, "7.0.0",
            "Sort the elements in a list, set or sorted set. Read-only variant of SORT.", COMPLEXITY,
            "key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SortCore.execute(ctx, args, true);
    }
}
