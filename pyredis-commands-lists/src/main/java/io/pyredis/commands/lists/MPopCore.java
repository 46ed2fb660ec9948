package io.pyredis.commands.lists;

import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;
import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisList;
import io.pyredis.api.Reply;

import java.util.Arrays;

/** LMPOP and BLMPOP: {@code numkeys key [key ...] LEFT|RIGHT [COUNT count]}. */
final class MPopCore {

    /** The parsed arguments: keys are {@code args[first .. first+numkeys)}. */
    record Request(int first, int numkeys, boolean left, long count) {

        byte[][] keys(byte[][] args) {
            return Arrays.copyOfRange(args, first, first + numkeys);
        }
    }

    private MPopCore() {
    }

    /** Parses from {@code args[numkeysIndex]} on, in Redis's order of checks. */
    static Request parse(byte[][] args, int numkeysIndex) {
        long numkeys = Args.positive(args[numkeysIndex], Errors.NUMKEYS);
        long whereIndex = numkeysIndex + numkeys + 1;
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
        return new Request(numkeysIndex + 1, (int) numkeys, left, count == -1 ? 1 : count);
    }

    /**
     * Pops from the first non-empty list and replies {@code [key, [elements]]}; replies
     * nothing and returns false when every list is missing.
     */
    static boolean pop(CommandContext ctx, byte[][] args, Request r) {
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
