package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Numbers;

/** ZPOPMIN and ZPOPMAX ({@code key [count]}), as Redis's genericZpopCommand serves them. */
abstract class ZPopGenericCommand extends GenericCommand {

    private final boolean max;

    /** @param max whether to pop the highest scores */
    ZPopGenericCommand(String name, boolean max) {
        super(SortedSetsPack.METADATA.spec(name));
        this.max = max;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        long count = 1;
        boolean hasCount = args.length > 2;
        if (args.length > 3) {
            throw RedisError.SYNTAX;
        }
        if (hasCount) {
            count = Numbers.parseLong(args[2], Errors.MUST_BE_POSITIVE);
            if (count < 0) {
                throw Errors.MUST_BE_POSITIVE;
            }
        }
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        if (z == null || count == 0) {
            ctx.reply().array(0);
            return;
        }
        int n = (int) Math.min(count, z.size());
        Reply r = ctx.reply();
        boolean pairs = hasCount && r.protocol() >= 3;
        r.array(pairs ? n : n * 2);
        ZSets.popInto(r, z, n, max, pairs);
        ZSets.changed(ctx, args[1], z, Events.pop(max));
    }
}
