package io.pyredis.commands.sortedsets;

import io.pyredis.support.Keywords;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]}
 */
public final class ZAddCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zadd");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        int flags = 0;
        int idx = 2;
        for (; idx < args.length; idx++) {
            byte[] a = args[idx];
            if (Keywords.is(a, "NX")) {
                flags |= ZAddCore.NX;
            } else if (Keywords.is(a, "XX")) {
                flags |= ZAddCore.XX;
            } else if (Keywords.is(a, "CH")) {
                flags |= ZAddCore.CH;
            } else if (Keywords.is(a, "INCR")) {
                flags |= ZAddCore.INCR;
            } else if (Keywords.is(a, "GT")) {
                flags |= ZAddCore.GT;
            } else if (Keywords.is(a, "LT")) {
                flags |= ZAddCore.LT;
            } else {
                break;
            }
        }
        ZAddCore.execute(ctx, args, flags, idx);
    }
}
