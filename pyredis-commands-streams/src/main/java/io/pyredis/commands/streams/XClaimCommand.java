package io.pyredis.commands.streams;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-time-milliseconds]
 * [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID lastid]}
 */
public final class XClaimCommand implements Command {

    private static final CommandSpec SPEC = StreamsPack.METADATA.spec("xclaim");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        byte[] key = args[1];
        RedisStream s = Streams.read(ctx, key);
        RedisStream.Group g = Claims.group(s, key, args[2]);
        long minIdle = Numbers.parseLong(args[4], new RedisError("ERR Invalid min-idle-time argument for XCLAIM"));
        if (minIdle < 0) {
            minIdle = 0;
        }
        List<StreamId> ids = new ArrayList<>();
        int j = 5;
        for (; j < args.length; j++) {
            try {
                ids.add(Streams.strictId(args[j], 0));
            } catch (RedisError e) {
                break; // the options start here
            }
        }
        int lastIdArg = j - 1;
        long now = ctx.now();
        long deliveryTime = -1;
        long retryCount = -1;
        boolean force = false;
        boolean justId = false;
        StreamId lastId = StreamId.MIN;
        for (; j < args.length; j++) {
            boolean more = args.length - 1 - j > 0;
            byte[] opt = args[j];
            if (Keywords.is(opt, "force")) {
                force = true;
            } else if (Keywords.is(opt, "justid")) {
                justId = true;
            } else if (Keywords.is(opt, "idle") && more) {
                j++;
                deliveryTime = now - Numbers.parseLong(args[j],
                        new RedisError("ERR Invalid IDLE option argument for XCLAIM"));
            } else if (Keywords.is(opt, "time") && more) {
                j++;
                deliveryTime = Numbers.parseLong(args[j], new RedisError("ERR Invalid TIME option argument for XCLAIM"));
            } else if (Keywords.is(opt, "retrycount") && more) {
                j++;
                retryCount = Numbers.parseLong(args[j],
                        new RedisError("ERR Invalid RETRYCOUNT option argument for XCLAIM"));
            } else if (Keywords.is(opt, "lastid") && more) {
                j++;
                lastId = Streams.strictId(args[j], 0);
            } else {
                throw new RedisError("ERR Unrecognized XCLAIM option '" + Streams.text(opt) + "'");
            }
        }
        boolean propagateLastId = false;
        if (lastId.compareTo(g.lastId) > 0) {
            g.lastId = lastId;
            propagateLastId = true;
        }
        if (deliveryTime != -1) {
            if (deliveryTime < 0 || deliveryTime > now) {
                deliveryTime = now;
            }
        } else {
            deliveryTime = now;
        }
        RedisStream.Consumer consumer = null;
        List<Object> out = new ArrayList<>();
        for (int k = 5; k <= lastIdArg; k++) {
            StreamId id = ids.get(k - 5);
            RedisStream.Nack nack = g.pel.get(id);
            RedisStream.Entry entry = Streams.entry(s, id);
            if (entry == null) {
                if (nack != null) {
                    Claims.dropDeleted(ctx, key, args[2], g, id, nack);
                    propagateLastId = false;
                }
                continue;
            }
            if (force && nack == null) {
                nack = new RedisStream.Nack(null, now, 1);
                g.pel.put(id, nack);
            }
            if (nack == null) {
                continue;
            }
            if (nack.consumer != null && minIdle != 0 && now - nack.deliveryTime < minIdle) {
                continue;
            }
            if (consumer == null) {
                consumer = Streams.consumer(ctx, g, args[3], key, true);
            }
            Claims.moveTo(nack, id, consumer);
            nack.deliveryTime = deliveryTime;
            if (retryCount >= 0) {
                nack.deliveryCount = retryCount;
            } else if (!justId) {
                nack.deliveryCount++;
            }
            out.add(justId ? id : entry);
            Claims.propagateClaim(ctx, key, args[2], g, id, nack);
            propagateLastId = false;
        }
        if (propagateLastId) {
            Claims.propagateGroupId(ctx, key, args[2], g);
        }
        // No modified(key): as Redis, claims touch no WATCH; they are propagated as the XCLAIMs above.
        Claims.reply(ctx.reply(), out);
    }
}
