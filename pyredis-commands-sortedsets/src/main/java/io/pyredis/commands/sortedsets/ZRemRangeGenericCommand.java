package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.support.GenericCommand;

/**
 * ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX ({@code key min max}), as Redis's
 * zremrangeGenericCommand: the range is parsed before the key is looked up; removing
 * anything reports the command's event (and a {@code del} when it empties the set).
 */
abstract class ZRemRangeGenericCommand extends GenericCommand {

    private final ZSets.RangeParser parser;
    private final String event;

    ZRemRangeGenericCommand(String name, ZSets.RangeParser parser, String event) {
        super(SortedSetsPack.METADATA.spec(name));
        this.parser = parser;
        this.event = event;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        ZSets.Range range = parser.parse(args[2], args[3]);
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        long removed = 0;
        if (z != null) {
            ZSets.Ranks ranks = range.in(z);
            if (ranks.hi() > ranks.lo()) {
                removed = z.removeRange(ranks.lo(), ranks.hi() - 1);
                ZSets.changed(ctx, args[1], z, event);
            }
        }
        ctx.reply().integer(removed);
    }
}
