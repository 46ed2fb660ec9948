package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeyFlag;
import io.pyredis.api.KeyRef;
import io.pyredis.support.Keywords;

import java.util.List;

import java.util.Set;

/**
 * {@code SORT key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]
 * [STORE destination]}
 */
public final class SortCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("sort");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /**
     * Redis's sortGetKeys: the sorted key, and the destination of the last STORE (skipping
     * the arguments of LIMIT, GET and BY, so that an argument named "store" is not taken
     * for the option).
     */
    @Override
    public List<KeyRef> keys(byte[][] args) {
        KeyRef sorted = new KeyRef(1, Set.of(KeyFlag.RO, KeyFlag.ACCESS));
        int store = 0;
        for (int i = 2; i < args.length; i++) {
            if (Keywords.is(args[i], "limit")) {
                i += 2;
            } else if (Keywords.is(args[i], "get") || Keywords.is(args[i], "by")) {
                i += 1;
            } else if (Keywords.is(args[i], "store") && i + 1 < args.length) {
                store = i + 1;
            }
        }
        return store == 0 ? List.of(sorted) : List.of(sorted, new KeyRef(store, Set.of(KeyFlag.OW, KeyFlag.UPDATE)));
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        SortCore.execute(ctx, args, false);
    }
}
