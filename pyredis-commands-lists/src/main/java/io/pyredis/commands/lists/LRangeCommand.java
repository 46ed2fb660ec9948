package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.IndexRange;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisList;
import io.pyredis.api.Reply;

/**
 * {@code LRANGE key start stop}
 */
public final class LRangeCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("lrange");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long start = Numbers.parseLong(args[2]);
        long end = Numbers.parseLong(args[3]);
        RedisList list = ctx.db().get(args[1], RedisList.class);
        Reply reply = ctx.reply();
        if (list == null) {
            reply.array(0);
            return;
        }
        IndexRange range = IndexRange.of(start, end, list.size());
        if (range.isEmpty()) {
            reply.array(0);
            return;
        }
        int from = (int) range.first();
        int to = (int) range.last();
        reply.array(to - from + 1);
        for (int i = from; i <= to; i++) {
            reply.bulk(list.get(i));
        }
    }
}
