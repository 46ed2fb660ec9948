package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.support.GenericCommand;

/**
 * ZCOUNT and ZLEXCOUNT ({@code key min max}): the size of a score or lex range, found as
 * ranks without walking it; the range is parsed before the key is looked up.
 */
abstract class ZCountGenericCommand extends GenericCommand {

    private final ZSets.RangeParser parser;

    ZCountGenericCommand(String name, ZSets.RangeParser parser) {
        super(SortedSetsPack.METADATA.spec(name));
        this.parser = parser;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        ZSets.Range range = parser.parse(args[2], args[3]);
        RedisSortedSet z = ctx.db().get(args[1], RedisSortedSet.class);
        ctx.reply().integer(z == null ? 0 : range.in(z).count());
    }
}
