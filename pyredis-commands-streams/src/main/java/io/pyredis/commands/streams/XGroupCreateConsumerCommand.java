package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisStream;

/**
 * {@code XGROUP CREATECONSUMER key group consumer}
 */
public final class XGroupCreateConsumerCommand extends XGroupGenericCommand {

    public XGroupCreateConsumerCommand() {
        super("createconsumer", true);
    }

    @Override
    void run(CommandContext ctx, byte[][] args, Call c) {
        if (c.group.consumers.containsKey(args[4])) {
            ctx.reply().integer(0);
            return;
        }
        c.group.consumers.put(args[4], new RedisStream.Consumer(args[4], ctx.now()));
        ctx.db().modified(args[2]);
        Streams.notify(ctx, "xgroup-createconsumer", args[2]);
        ctx.reply().integer(1);
    }
}
