package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisStream;
import io.pyredis.api.Reply;

import java.util.Map;

/**
 * {@code XINFO GROUPS key}
 */
public final class XInfoGroupsCommand extends XInfoGenericCommand {

    public XInfoGroupsCommand() {
        super("groups");
    }

    @Override
    void run(CommandContext ctx, byte[][] args, RedisStream s) {
        Reply r = ctx.reply();
        r.array(s.groups().size());
        for (Map.Entry<byte[], RedisStream.Group> ge : s.groups().entrySet()) {
            RedisStream.Group g = ge.getValue();
            r.map(6);
            r.bulk("name");
            r.bulk(ge.getKey());
            r.bulk("consumers");
            r.integer(g.consumers.size());
            r.bulk("pending");
            r.integer(g.pel.size());
            r.bulk("last-delivered-id");
            r.bulk(g.lastId.toBytes());
            replyReadAndLag(r, s, g);
        }
    }
}
