package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;

/**
 * {@code ZSCORE key member}
 */
public final class ZScoreCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zscore");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        double s = z == null ? Double.NaN : z.score(args[2]);
        if (Double.isNaN(s)) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().doubleValue(s);
        }
    }
}
