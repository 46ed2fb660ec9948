package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;

/**
 * {@code XGROUP DELCONSUMER key group consumer}
 */
public final class XGroupDelConsumerCommand extends XGroupGenericCommand {

    public XGroupDelConsumerCommand() {
        super("delconsumer", true);
    }

    @Override
    void run(CommandContext ctx, byte[][] args, Call c) {
        RedisStream.Consumer consumer = c.group.consumers.get(args[4]);
        long pending = 0;
        if (consumer != null) {
            pending = consumer.pel.size();
            for (StreamId id : consumer.pel.keySet()) {
                c.group.pel.remove(id);
            }
            c.group.consumers.remove(args[4]);
            ctx.db().modified(args[2]);
            Streams.notify(ctx, "xgroup-delconsumer", args[2]);
        }
        ctx.reply().integer(pending);
    }
}
