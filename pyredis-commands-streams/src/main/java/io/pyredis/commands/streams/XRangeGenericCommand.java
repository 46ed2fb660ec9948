package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

/** XRANGE and XREVRANGE (xrangeGenericCommand): the range, optionally COUNT-limited, forwards or backwards. */
abstract class XRangeGenericCommand extends GenericCommand {

    private final boolean rev;

    XRangeGenericCommand(String name, boolean rev) {
        super(StreamsPack.METADATA.spec(name));
        this.rev = rev;
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        StreamId start = Streams.rangeStart(rev ? args[3] : args[2]);
        StreamId end = Streams.rangeEnd(rev ? args[2] : args[3]);
        long count = -1;
        for (int j = 4; j < args.length; j++) {
            if (Keywords.is(args[j], "count") && args.length - j - 1 >= 1) {
                count = Numbers.parseLong(args[j + 1]);
                if (count < 0) {
                    count = 0;
                }
                j++;
            } else {
                throw RedisError.SYNTAX;
            }
        }
        RedisStream s = Streams.lookup(ctx, args[1]);
        if (s == null) {
            ctx.reply().array(0);
            return;
        }
        if (count == 0) {
            ctx.reply().nullArray();
            return;
        }
        Streams.replyEntries(ctx.reply(), Streams.range(s, start, end, count < 0 ? 0 : count, rev));
    }
}
