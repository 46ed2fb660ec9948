package io.pyredis.commands.sortedsets;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;
import io.pyredis.support.GenericCommand;

import java.util.Arrays;

/**
 * BZPOPMIN and BZPOPMAX ({@code key [key ...] timeout}), as Redis's
 * blockingGenericZpopCommand serves them: one member from the first non-empty key, else
 * the client blocks; propagated as ZPOPMIN / ZPOPMAX of the key served.
 */
abstract class BZPopGenericCommand extends GenericCommand implements BlockingCommand {

    private final boolean max;

    /** @param max whether to pop the highest score */
    BZPopGenericCommand(String name, boolean max) {
        super(SortedSetsPack.METADATA.spec(name));
        this.max = max;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        long timeout = ZSets.timeoutMillis(args[args.length - 1]);
        Database db = ctx.db();
        for (int i = 1; i < args.length - 1; i++) {
            RedisSortedSet z = db.get(args[i], RedisSortedSet.class);
            if (z == null) {
                continue;
            }
            Reply r = ctx.reply();
            r.array(3);
            r.bulk(args[i]);
            ZSets.popInto(r, z, 1, max, false);
            ZSets.changed(ctx, args[i], z, Events.pop(max));
            ctx.propagate(Propagation.pop(max), args[i]);
            return;
        }
        if (!ctx.block(Arrays.copyOfRange(args, 1, args.length - 1), timeout)) {
            ctx.reply().nullArray();
        }
    }
}
