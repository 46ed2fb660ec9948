package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;
import io.pyredis.support.NumkeysGenericCommand;

import java.util.Arrays;

/**
 * ZMPOP and BZMPOP ({@code [timeout] numkeys key [key ...] MIN|MAX [COUNT count]}), as
 * Redis's genericZpopCommand and blockingGenericZpopCommand serve them: up to COUNT members
 * from the first non-empty key, replied {@code [key, [[member, score] ...]]}; propagated as
 * ZPOPMIN / ZPOPMAX of the key served and how many it gave.
 */
abstract class ZMPopGenericCommand extends NumkeysGenericCommand {

    private final boolean blocking;

    /** @param blocking BZMPOP: a timeout comes first, and the client blocks when every key is empty */
    ZMPopGenericCommand(String name, boolean blocking) {
        super(SortedSetsPack.METADATA.spec(name), 0, blocking ? 2 : 1);
        this.blocking = blocking;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        long timeout = blocking ? ZSets.timeoutMillis(args[1]) : 0;
        MPop m = parse(args);
        if (!pop(ctx, m) && !(blocking && ctx.block(m.keys(), timeout))) {
            ctx.reply().nullArray();
        }
    }

    /** The parsed arguments from numkeys on. */
    private record MPop(byte[][] keys, boolean max, long count) {
    }

    private MPop parse(byte[][] args) {
        int numkeysIdx = numkeysIndex();
        long numkeys = Numbers.parseLong(args[numkeysIdx], Errors.NUMKEYS);
        if (numkeys < 1) {
            throw Errors.NUMKEYS;
        }
        if (numkeys > args.length - numkeysIdx - 2) {
            throw RedisError.SYNTAX;
        }
        int whereIdx = numkeysIdx + (int) numkeys + 1;
        boolean max;
        if (Keywords.is(args[whereIdx], "MIN")) {
            max = false;
        } else if (Keywords.is(args[whereIdx], "MAX")) {
            max = true;
        } else {
            throw RedisError.SYNTAX;
        }
        long count = -1;
        for (int j = whereIdx + 1; j < args.length; j++) {
            boolean more = j < args.length - 1;
            if (count == -1 && Keywords.is(args[j], "COUNT") && more) {
                j++;
                count = Numbers.parseLong(args[j], Errors.COUNT);
                if (count < 1) {
                    throw Errors.COUNT;
                }
            } else {
                throw RedisError.SYNTAX;
            }
        }
        return new MPop(Arrays.copyOfRange(args, numkeysIdx + 1, whereIdx), max, count == -1 ? 1 : count);
    }

    /**
     * Pops from the first non-empty key of {@code m}; false (nothing written) when every key
     * is empty. A key of another type is an error.
     */
    private static boolean pop(CommandContext ctx, MPop m) {
        Database db = ctx.db();
        for (byte[] key : m.keys()) {
            RedisSortedSet z = db.get(key, RedisSortedSet.class);
            if (z == null) {
                continue;
            }
            int n = (int) Math.min(m.count(), z.size());
            Reply r = ctx.reply();
            r.array(2);
            r.bulk(key);
            r.array(n);
            ZSets.popInto(r, z, n, m.max(), true);
            ZSets.changed(ctx, key, z, Events.pop(m.max()));
            // As Redis: the key served and how many it gave, whatever COUNT asked.
            ctx.propagate(Propagation.pop(m.max()), key, Numbers.toBytes(n));
            return true;
        }
        return false;
    }
}
