package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;

/**
 * {@code ZREM key member [member ...]}
 */
public final class ZRemCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zrem");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        long removed = 0;
        if (z != null) {
            for (int i = 2; i < args.length; i++) {
                if (z.remove(args[i])) {
                    removed++;
                    if (z.size() == 0) {
                        break;
                    }
                }
            }
            if (removed > 0) {
                ZSets.changed(ctx, args[1], z, Events.ZREM);
            }
        }
        ctx.reply().integer(removed);
    }
}
