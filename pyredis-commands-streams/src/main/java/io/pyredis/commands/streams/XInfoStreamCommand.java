package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisStream;
import io.pyredis.api.Reply;
import io.pyredis.api.StreamId;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

import java.util.List;
import java.util.Map;

/**
 * {@code XINFO STREAM key [FULL [COUNT count]]}
 */
public final class XInfoStreamCommand extends XInfoGenericCommand {

    public XInfoStreamCommand() {
        super("stream");
    }

    @Override
    void run(CommandContext ctx, byte[][] args, RedisStream s) {
        int optc = args.length - 3;
        boolean full = optc != 0;
        long count = 10;
        if (full) {
            if (optc != 1 && optc != 3) {
                throw Streams.subcommandSyntax(args);
            }
            if (!Keywords.is(args[3], "full")) {
                throw Streams.subcommandSyntax(args);
            }
            if (optc == 3) {
                if (!Keywords.is(args[4], "count")) {
                    throw Streams.subcommandSyntax(args);
                }
                count = Numbers.parseLong(args[5]);
                if (count < 0) {
                    count = 10;
                }
            }
        }
        Reply r = ctx.reply();
        r.map(full ? 9 : 10);
        r.bulk("length");
        r.integer(s.length());
        r.bulk("radix-tree-keys");
        r.integer(s.nodes());
        r.bulk("radix-tree-nodes");
        r.integer(RedisStream.radixTreeNodes(s.nodes()));
        r.bulk("last-generated-id");
        r.bulk(s.lastId().toBytes());
        r.bulk("max-deleted-entry-id");
        r.bulk(s.maxDeletedId().toBytes());
        r.bulk("entries-added");
        r.integer(s.entriesAdded());
        r.bulk("recorded-first-entry-id");
        r.bulk(s.firstId().toBytes());
        if (!full) {
            r.bulk("groups");
            r.integer(s.groups().size());
            r.bulk("first-entry");
            edge(r, s, false);
            r.bulk("last-entry");
            edge(r, s, true);
            return;
        }
        r.bulk("entries");
        Streams.replyEntries(r, Streams.range(s, StreamId.MIN, StreamId.MAX, count, false));
        r.bulk("groups");
        r.array(s.groups().size());
        for (Map.Entry<byte[], RedisStream.Group> ge : s.groups().entrySet()) {
            RedisStream.Group g = ge.getValue();
            r.map(7);
            r.bulk("name");
            r.bulk(ge.getKey());
            r.bulk("last-delivered-id");
            r.bulk(g.lastId.toBytes());
            replyReadAndLag(r, s, g);
            r.bulk("pel-count");
            r.integer(g.pel.size());
            r.bulk("pending");
            int n = (int) (count == 0 ? g.pel.size() : Math.min(count, g.pel.size()));
            r.array(n);
            int i = 0;
            for (Map.Entry<StreamId, RedisStream.Nack> e : g.pel.entrySet()) {
                if (i++ >= n) {
                    break;
                }
                r.array(4);
                r.bulk(e.getKey().toBytes());
                r.bulk(e.getValue().consumer.name);
                r.integer(e.getValue().deliveryTime);
                r.integer(e.getValue().deliveryCount);
            }
            r.bulk("consumers");
            r.array(g.consumers.size());
            for (RedisStream.Consumer c : g.consumers.values()) {
                r.map(4);
                r.bulk("name");
                r.bulk(c.name);
                r.bulk("seen-time");
                r.integer(c.seenTime);
                r.bulk("pel-count");
                r.integer(c.pel.size());
                r.bulk("pending");
                int m = (int) (count == 0 ? c.pel.size() : Math.min(count, c.pel.size()));
                r.array(m);
                int k = 0;
                for (Map.Entry<StreamId, RedisStream.Nack> e : c.pel.entrySet()) {
                    if (k++ >= m) {
                        break;
                    }
                    r.array(3);
                    r.bulk(e.getKey().toBytes());
                    r.integer(e.getValue().deliveryTime);
                    r.integer(e.getValue().deliveryCount);
                }
            }
        }
    }

    private static void edge(Reply r, RedisStream s, boolean last) {
        List<RedisStream.Entry> e = Streams.range(s, StreamId.MIN, StreamId.MAX, 1, last);
        if (e.isEmpty()) {
            r.nullBulk();
        } else {
            Streams.replyEntry(r, e.get(0));
        }
    }
}
