package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeyRef;

import java.util.List;

import java.util.Set;

/**
 * {@code SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]}
 */
public final class SortRoCommand implements Command {

    static final String COMPLEXITY = "O(N+M*log(M)) where N is the number of elements in the list or set to sort,"
            + " and M the number of returned elements. When the elements are not sorted, complexity is O(N).";

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("sort_ro");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** Redis's sortROGetKeys: the sorted key; what BY and GET read is not known before the sort. */
    @Override
    public List<KeyRef> keys(byte[][] args) {
        return List.of(new KeyRef(1, Set.of(KeyFlag.RO, KeyFlag.ACCESS)));
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SortCore.execute(ctx, args, true);
    }
}
