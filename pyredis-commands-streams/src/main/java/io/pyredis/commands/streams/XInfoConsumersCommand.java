package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.Reply;

/**
 * {@code XINFO CONSUMERS key group}
 */
public final class XInfoConsumersCommand extends XInfoGenericCommand {

    public XInfoConsumersCommand() {
        super("consumers");
    }

    @Override
    void run(CommandContext ctx, byte[][] args, RedisStream s) {
        RedisStream.Group g = s.groups().get(args[3]);
        if (g == null) {
            throw Streams.noSuchGroup(args[3], args[2]);
        }
        Reply r = ctx.reply();
        long now = ctx.now();
        r.array(g.consumers.size());
        for (RedisStream.Consumer c : g.consumers.values()) {
            r.map(3);
            r.bulk("name");
            r.bulk(c.name);
            r.bulk("pending");
            r.integer(c.pel.size());
            r.bulk("idle");
            r.integer(Math.max(0, now - c.seenTime));
        }
    }
}
