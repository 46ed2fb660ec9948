package io.pyredis.commands.sortedsets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;

/**
 * {@code ZMSCORE key member [member ...]}
 */
public final class ZMScoreCommand implements Command {

    private static final CommandSpec SPEC = SortedSetsPack.METADATA.spec("zmscore");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        Reply r = ctx.reply();
        r.array(args.length - 2);
        for (int i = 2; i < args.length; i++) {
            double s = z == null ? Double.NaN : z.score(args[i]);
            if (Double.isNaN(s)) {
                r.nullBulk();
            } else {
                r.doubleValue(s);
            }
        }
    }
}
