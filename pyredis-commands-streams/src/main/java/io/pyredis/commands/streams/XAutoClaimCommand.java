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

/**
 * {@code XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]}
 */
public final class XAutoClaimCommand implements Command {

    private static final CommandSpec SPEC = StreamsPack.METADATA.spec("xautoclaim");
    private static final RedisError COUNT = new RedisError("ERR COUNT must be > 0");
    private static final int ATTEMPTS_FACTOR = 10;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        byte[] key = args[1];
        RedisStream s = Streams.read(ctx, key);
        long minIdle = Numbers.parseLong(args[4], new RedisError("ERR Invalid min-idle-time argument for XAUTOCLAIM"));
        if (minIdle < 0) {
            minIdle = 0;
        }
        StreamId start = Streams.rangeStart(args[5]);
        long count = 100;
        boolean justId = false;
        for (int j = 6; j < args.length; j++) {
            boolean more = args.length - 1 - j > 0;
            if (Keywords.is(args[j], "count") && more) {
                count = Numbers.parseLong(args[j + 1], COUNT);
                if (count < 1 || count > Long.MAX_VALUE / 16) {
                    throw COUNT;
                }
                j++;
            } else if (Keywords.is(args[j], "justid")) {
                justId = true;
            } else {
                throw RedisError.SYNTAX;
            }
        }
        RedisStream.Group g = Claims.group(s, key, args[2]);
        long attempts = count * ATTEMPTS_FACTOR;
        long now = ctx.now();
        RedisStream.Consumer consumer = null;
        List<Object> out = new ArrayList<>();
        List<StreamId> deleted = new ArrayList<>();
        StreamId cursor = start;
        boolean eof = false;
        while (attempts-- > 0 && count > 0) {
            Map.Entry<StreamId, RedisStream.Nack> e = cursor == null ? null : g.pel.ceilingEntry(cursor);
            if (e == null) {
                eof = true;
                break;
            }
            StreamId id = e.getKey();
            RedisStream.Nack nack = e.getValue();
            cursor = id.next();
            RedisStream.Entry entry = Streams.entry(s, id);
            if (entry == null) {
                Claims.dropDeleted(ctx, key, args[2], g, id, nack);
                deleted.add(id);
                count--;
                continue;
            }
            if (minIdle != 0 && now - nack.deliveryTime < minIdle) {
                continue;
            }
            if (consumer == null) {
                consumer = Streams.consumer(ctx, g, args[3], key, true);
            }
            Claims.moveTo(nack, id, consumer);
            nack.deliveryTime = now;
            if (!justId) {
                nack.deliveryCount++;
            }
            out.add(justId ? id : entry);
            count--;
            Claims.propagateClaim(ctx, key, args[2], g, id, nack);
        }
        StreamId next = StreamId.MIN;
        if (!eof && cursor != null) {
            StreamId k = g.pel.ceilingKey(cursor);
            if (k != null) {
                next = k;
            }
        }
        // No modified(key): as Redis, claims touch no WATCH; they are propagated as the XCLAIMs above.
        Reply r = ctx.reply();
        r.array(3);
        r.bulk(next.toBytes());
        Claims.reply(r, out);
        r.array(deleted.size());
        for (StreamId id : deleted) {
            r.bulk(id.toBytes());
        }
    }
}
