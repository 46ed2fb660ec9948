package io.pyredis.commands.lists;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisList;
import io.pyredis.api.Reply;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;
import io.pyredis.support.NumkeysGenericCommand;

import java.util.Arrays;

/**
 * LMPOP and BLMPOP ({@code [timeout] numkeys key [key ...] LEFT|RIGHT [COUNT count]}), as
 * Redis's lmpopGenericCommand: up to COUNT elements from the first non-empty list, replied
 * {@code [key, [elements]]}; propagated as LPOP / RPOP of the key served and how many it gave.
 */
abstract class LMPopGenericCommand extends NumkeysGenericCommand {

    private final boolean blocking;

    /** @param blocking BLMPOP: a timeout comes first, and the client blocks when every list is missing */
    LMPopGenericCommand(String name, boolean blocking) {
        super(ListsPack.METADATA.spec(name), 0, blocking ? 2 : 1);
        this.blocking = blocking;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        Request r = parse(args);
        long timeout = blocking ? Args.timeoutMillis(args[1]) : 0;
        if (!pop(ctx, args, r) && !(blocking && ctx.block(r.keys(args), timeout))) {
            ctx.reply().nullArray();
        }
    }

    /** The parsed arguments: keys are {@code args[first .. first+numkeys)}. */
    private record Request(int first, int numkeys, boolean left, long count) {

        byte[][] keys(byte[][] args) {
            return Arrays.copyOfRange(args, first, first + numkeys);
        }
    }

    /** Parses from numkeys on, in Redis's order of checks. */
    private Request parse(byte[][] args) {
        int numkeysIdx = numkeysIndex();
        long numkeys = Args.positive(args[numkeysIdx], Errors.NUMKEYS);
        long whereIndex = numkeysIdx + numkeys + 1;
        if (whereIndex >= args.length) {
            throw RedisError.SYNTAX;
        }
        int w = (int) whereIndex;
        boolean left = Args.isLeft(args[w]);
        long count = -1;
        for (int j = w + 1; j < args.length; j++) {
            boolean moreArgs = j + 1 < args.length;
            if (count == -1 && Keywords.is(args[j], "count") && moreArgs) {
                j++;
                count = Args.positive(args[j], Errors.COUNT_POSITIVE);
            } else {
                throw RedisError.SYNTAX;
            }
        }
        return new Request(numkeysIdx + 1, (int) numkeys, left, count == -1 ? 1 : count);
    }

    /**
     * Pops from the first non-empty list and replies {@code [key, [elements]]}; replies
     * nothing and returns false when every list is missing.
     */
    private static boolean pop(CommandContext ctx, byte[][] args, Request r) {
        Database db = ctx.db();
        for (int i = r.first(); i < r.first() + r.numkeys(); i++) {
            RedisList list = db.get(args[i], RedisList.class);
            if (list != null && list.size() > 0) {
                Reply reply = ctx.reply();
                reply.array(2);
                reply.bulk(args[i]);
                int n = PopCore.popInto(ctx, args[i], list, r.left(), r.count());
                // As Redis: the key served and how many it gave, whatever COUNT asked.
                ctx.propagate(Propagation.pop(r.left()), args[i], Numbers.toBytes(n));
                return true;
            }
        }
        return false;
    }
}
