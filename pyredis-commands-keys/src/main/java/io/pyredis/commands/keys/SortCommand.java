package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

import java.util.Set;

/**
 * {@code SORT key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]
 * [STORE destination]}
 */
public final class SortCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("sort", -2,
            Set.of(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.MOVABLEKEYS), KeySpec.FIRST, "1.0.0",
            "Sort the elements in a list, set or sorted set", SortRoCommand.COMPLEXITY,
            "key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]"
                    + " [STORE destination]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SortCore.execute(ctx, args, false);
    }
}
