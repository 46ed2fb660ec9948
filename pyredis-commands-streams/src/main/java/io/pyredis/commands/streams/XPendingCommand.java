package io.pyredis.commands.streams;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.Reply;
import io.pyredis.api.StreamId;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * {@code XPENDING key group [[IDLE min-idle-time] start end count [consumer]]}
 */
public final class XPendingCommand implements Command {

    private static final CommandSpec SPEC = StreamsPack.METADATA.spec("xpending");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        boolean justInfo = args.length == 3;
        if (args.length != 3 && (args.length < 6 || args.length > 9)) {
            throw RedisError.SYNTAX;
        }
        StreamId start = null;
        StreamId end = null;
        long count = 0;
        long minIdle = 0;
        byte[] consumerName = null;
        if (args.length >= 6) {
            int startIdx = 3;
            if (Keywords.is(args[3], "idle")) {
                minIdle = Numbers.parseLong(args[4]);
                if (args.length < 8) {
                    throw RedisError.SYNTAX;
                }
                startIdx += 2;
            }
            count = Numbers.parseLong(args[startIdx + 2]);
            if (count < 0) {
                count = 0;
            }
            start = Streams.rangeStart(args[startIdx]);
            end = Streams.rangeEnd(args[startIdx + 1]);
            if (startIdx + 3 < args.length) {
                consumerName = args[startIdx + 3];
            }
        }
        RedisStream s = Streams.lookup(ctx, args[1]);
        RedisStream.Group g = Claims.group(s, args[1], args[2]);
        Reply r = ctx.reply();
        if (justInfo) {
            r.array(4);
            r.integer(g.pel.size());
            if (g.pel.isEmpty()) {
                r.nullBulk();
                r.nullBulk();
                r.nullArray();
                return;
            }
            r.bulk(g.pel.firstKey().toBytes());
            r.bulk(g.pel.lastKey().toBytes());
            List<RedisStream.Consumer> with = new ArrayList<>();
            for (RedisStream.Consumer c : g.consumers.values()) {
                if (!c.pel.isEmpty()) {
                    with.add(c);
                }
            }
            r.array(with.size());
            for (RedisStream.Consumer c : with) {
                r.array(2);
                r.bulk(c.name);
                r.bulk(c.pel.size());
            }
            return;
        }
        NavigableMap<StreamId, RedisStream.Nack> pel = g.pel;
        if (consumerName != null) {
            RedisStream.Consumer c = g.consumers.get(consumerName);
            if (c == null) {
                r.array(0);
                return;
            }
            pel = c.pel;
        }
        long now = ctx.now();
        List<Map.Entry<StreamId, RedisStream.Nack>> out = new ArrayList<>();
        if (start.compareTo(end) <= 0) {
            for (Map.Entry<StreamId, RedisStream.Nack> e : pel.subMap(start, true, end, true).entrySet()) {
                if (out.size() >= count) {
                    break;
                }
                if (minIdle != 0 && now - e.getValue().deliveryTime < minIdle) {
                    continue;
                }
                out.add(e);
            }
        }
        r.array(out.size());
        for (Map.Entry<StreamId, RedisStream.Nack> e : out) {
            RedisStream.Nack n = e.getValue();
            r.array(4);
            r.bulk(e.getKey().toBytes());
            r.bulk(n.consumer.name);
            r.integer(Math.max(0, now - n.deliveryTime));
            r.integer(n.deliveryCount);
        }
    }
}
