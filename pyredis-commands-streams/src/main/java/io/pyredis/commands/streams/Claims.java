package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.Reply;
import io.pyredis.api.StreamId;

import java.util.List;

/**
 * What XREADGROUP, XCLAIM, XAUTOCLAIM and XPENDING share about pending entries: the group
 * lookup with its NOGROUP text, moving a NACK to another consumer, the claimed entries'
 * reply, and how the changes are propagated (streamPropagateXCLAIM, streamPropagateGroupID).
 */
final class Claims {

    private static final byte[] XCLAIM = Streams.word("XCLAIM");
    private static final byte[] XGROUP = Streams.word("XGROUP");
    private static final byte[] SETID = Streams.word("SETID");
    private static final byte[] ENTRIESREAD = Streams.word("ENTRIESREAD");
    private static final byte[] ZERO = Streams.word("0");
    private static final byte[] TIME = Streams.word("TIME");
    private static final byte[] RETRYCOUNT = Streams.word("RETRYCOUNT");
    private static final byte[] FORCE = Streams.word("FORCE");
    private static final byte[] JUSTID = Streams.word("JUSTID");
    private static final byte[] LASTID = Streams.word("LASTID");

    private Claims() {
    }

    /** The group {@code name} of the stream {@code s} at {@code key}; NOGROUP when either is missing. */
    static RedisStream.Group group(RedisStream s, byte[] key, byte[] name) {
        RedisStream.Group g = Streams.group(s, name);
        if (g == null) {
            throw new RedisError("NOGROUP No such key '" + Streams.text(key) + "' or consumer group '"
                    + Streams.text(name) + "'");
        }
        return g;
    }

    /** {@code nack} (of {@code id}) now belongs to {@code to}, out of its former owner's PEL. */
    static void moveTo(RedisStream.Nack nack, StreamId id, RedisStream.Consumer to) {
        if (nack.consumer == to) {
            return;
        }
        if (nack.consumer != null) {
            nack.consumer.pel.remove(id);
        }
        to.pel.put(id, nack);
        nack.consumer = to;
    }

    /** Drops the NACK of an entry no longer in the stream, propagated as its XCLAIM (which drops it there too). */
    static void dropDeleted(CommandContext ctx, byte[] key, byte[] groupName, RedisStream.Group g, StreamId id,
                            RedisStream.Nack nack) {
        propagateClaim(ctx, key, groupName, g, id, nack);
        g.pel.remove(id);
        nack.consumer.pel.remove(id);
    }

    /** The claimed entries: IDs (JUSTID) or whole entries. */
    static void reply(Reply r, List<Object> claimed) {
        r.array(claimed.size());
        for (Object o : claimed) {
            if (o instanceof StreamId id) {
                r.bulk(id.toBytes());
            } else {
                Streams.replyEntry(r, (RedisStream.Entry) o);
            }
        }
    }

    /** streamPropagateXCLAIM: the NACK as an idempotent XCLAIM. */
    static void propagateClaim(CommandContext ctx, byte[] key, byte[] groupName, RedisStream.Group g, StreamId id,
                               RedisStream.Nack nack) {
        ctx.propagate(XCLAIM, key, groupName, nack.consumer.name, ZERO, id.toBytes(), TIME,
                Streams.number(nack.deliveryTime), RETRYCOUNT, Streams.number(nack.deliveryCount), FORCE, JUSTID,
                LASTID, g.lastId.toBytes());
    }

    /** streamPropagateGroupID: XGROUP SETID with the group's read counter. */
    static void propagateGroupId(CommandContext ctx, byte[] key, byte[] groupName, RedisStream.Group g) {
        ctx.propagate(XGROUP, SETID, key, groupName, g.lastId.toBytes(), ENTRIESREAD, Streams.number(g.entriesRead));
    }
}
