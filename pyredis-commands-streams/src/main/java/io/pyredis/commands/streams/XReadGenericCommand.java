package io.pyredis.commands.streams;

import io.pyredis.api.BlockingCommand;
import io.pyredis.api.CommandContext;
import io.pyredis.api.DataType;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.Reply;
import io.pyredis.api.StreamId;
import io.pyredis.support.GenericCommand;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * XREAD and XREADGROUP, both Redis's xreadCommand: what can be served at once is, else the
 * client blocks (BLOCK) until an XADD to one of the keys, or replies a null array. A
 * blocked call runs again, as the server re-runs blocking commands, with its {@code $}
 * IDs replaced by the IDs they stood for when it blocked.
 */
abstract class XReadGenericCommand extends GenericCommand implements BlockingCommand {

    private static final RedisError TIMEOUT_NOT_INTEGER = new RedisError(
            "ERR timeout is not an integer or out of range");
    private static final RedisError TIMEOUT_NEGATIVE = new RedisError("ERR timeout is negative");
    private static final RedisError UNBALANCED = new RedisError("ERR Unbalanced XREAD list of streams: "
            + "for each stream key an ID or '$' must be specified.");
    private static final byte[] XGROUP = Streams.word("XGROUP");
    private static final byte[] CREATECONSUMER = Streams.word("CREATECONSUMER");

    private final boolean xreadgroup;

    XReadGenericCommand(String name, boolean xreadgroup) {
        super(StreamsPack.METADATA.spec(name));
        this.xreadgroup = xreadgroup;
    }

    /** A stream key only serves a re-run; anything else keeps XREAD waiting and ends XREADGROUP's wait. */
    @Override
    public final boolean rerunsFor(DataType type) {
        return type == DataType.STREAM;
    }

    @Override
    public final String keyGoneError(DataType type) {
        return xreadgroup ? "UNBLOCKED the stream key no longer exists" : null;
    }

    /** What one key gave: its name and its reply entries (an entry null for a deleted history one). */
    private record Served(byte[] key, List<Object> entries) {
    }

    @Override
    public final void execute(CommandContext ctx, byte[][] args) {
        long timeout = -1;
        long count = 0;
        int streamsArg = 0;
        int streamsCount = 0;
        boolean noack = false;
        byte[] groupName = null;
        byte[] consumerName = null;
        for (int i = 1; i < args.length; i++) {
            int more = args.length - i - 1;
            byte[] o = args[i];
            if (Keywords.is(o, "block") && more > 0) {
                i++;
                timeout = Numbers.parseLong(args[i], TIMEOUT_NOT_INTEGER);
                if (timeout < 0) {
                    throw TIMEOUT_NEGATIVE;
                }
            } else if (Keywords.is(o, "count") && more > 0) {
                i++;
                count = Numbers.parseLong(args[i]);
                if (count < 0) {
                    count = 0;
                }
            } else if (Keywords.is(o, "streams") && more > 0) {
                streamsArg = i + 1;
                streamsCount = args.length - streamsArg;
                if ((streamsCount & 1) != 0) {
                    throw UNBALANCED;
                }
                streamsCount /= 2;
                break;
            } else if (Keywords.is(o, "group") && more >= 2) {
                if (!xreadgroup) {
                    throw new RedisError("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
                }
                groupName = args[i + 1];
                consumerName = args[i + 2];
                i += 2;
            } else if (Keywords.is(o, "noack")) {
                if (!xreadgroup) {
                    throw new RedisError("ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
                }
                noack = true;
            } else {
                throw RedisError.SYNTAX;
            }
        }
        if (streamsArg == 0) {
            throw RedisError.SYNTAX;
        }
        if (xreadgroup && groupName == null) {
            throw new RedisError("ERR Missing GROUP option for XREADGROUP");
        }
        StreamId[] ids = new StreamId[streamsCount];
        RedisStream.Group[] groups = new RedisStream.Group[streamsCount];
        RedisStream[] streams = new RedisStream[streamsCount];
        for (int k = 0; k < streamsCount; k++) {
            byte[] key = args[streamsArg + k];
            byte[] idArg = args[streamsArg + streamsCount + k];
            RedisStream s = Streams.read(ctx, key);
            streams[k] = s;
            if (groupName != null) {
                RedisStream.Group g = Streams.group(s, groupName);
                if (g == null) {
                    throw new RedisError("NOGROUP No such key '" + Streams.text(key) + "' or consumer group '"
                            + Streams.text(groupName) + "' in XREADGROUP with GROUP option");
                }
                groups[k] = g;
            }
            if (Streams.isDollar(idArg)) {
                if (xreadgroup) {
                    throw new RedisError("ERR The $ ID is meaningless in the context of XREADGROUP: you want to "
                            + "read the history of this consumer by specifying a proper ID, or use the > ID to get "
                            + "new messages. The $ ID would just return an empty result set.");
                }
                ids[k] = s != null ? s.lastId() : StreamId.MIN;
            } else if (idArg.length == 1 && idArg[0] == '>') {
                if (!xreadgroup) {
                    throw new RedisError("ERR The > ID can be specified only when calling XREADGROUP using the "
                            + "GROUP <group> <consumer> option.");
                }
                ids[k] = null;
            } else {
                ids[k] = Streams.strictId(idArg, 0);
            }
        }

        List<Served> served = new ArrayList<>();
        for (int k = 0; k < streamsCount; k++) {
            RedisStream s = streams[k];
            if (s == null) {
                continue;
            }
            StreamId gt = ids[k];
            boolean history = false;
            boolean now;
            if (groupName != null) {
                if (gt != null) {
                    now = true;
                    history = true;
                } else if (s.length() > 0 && Streams.lastValidId(s).compareTo(groups[k].lastId) > 0) {
                    now = true;
                    gt = groups[k].lastId;
                } else {
                    now = false;
                }
            } else {
                now = s.length() > 0 && Streams.lastValidId(s).compareTo(gt) > 0;
            }
            if (!now) {
                continue;
            }
            byte[] key = args[streamsArg + k];
            StreamId start = gt.next();
            if (start == null) {
                start = StreamId.MIN;
            }
            List<Object> entries;
            if (groupName == null) {
                entries = new ArrayList<>(Streams.range(s, start, StreamId.MAX, count, false));
            } else {
                RedisStream.Group g = groups[k];
                boolean known = g.consumers.containsKey(consumerName);
                RedisStream.Consumer c = Streams.consumer(ctx, g, consumerName, key, true);
                if (!known && noack) {
                    ctx.propagate(XGROUP, CREATECONSUMER, key, groupName, consumerName);
                }
                entries = history ? fromPel(ctx, s, c, start, count)
                        : deliver(ctx, s, key, groupName, g, c, start, count, noack);
                // No modified(key): as Redis, a read from a group touches no WATCH and wakes
                // nobody, and it is propagated only as the XCLAIMs and XGROUPs above.
            }
            served.add(new Served(key, entries));
        }
        if (!served.isEmpty()) {
            reply(ctx.reply(), served);
            return;
        }
        if (timeout != -1) {
            // A re-run must wait for what is after the IDs "$" meant now.
            for (int k = 0; k < streamsCount; k++) {
                int at = streamsArg + streamsCount + k;
                if (Streams.isDollar(args[at])) {
                    args[at] = ids[k].toBytes();
                }
            }
            byte[][] keys = new byte[streamsCount][];
            System.arraycopy(args, streamsArg, keys, 0, streamsCount);
            if (ctx.block(keys, timeout)) {
                return;
            }
        }
        ctx.reply().nullArray();
    }

    private static void reply(Reply r, List<Served> served) {
        boolean resp2 = r.protocol() == 2;
        if (resp2) {
            r.array(served.size());
        } else {
            r.map(served.size());
        }
        for (Served sv : served) {
            if (resp2) {
                r.array(2);
            }
            r.bulk(sv.key());
            r.array(sv.entries().size());
            for (Object o : sv.entries()) {
                if (o instanceof RedisStream.Entry e) {
                    Streams.replyEntry(r, e);
                } else {
                    r.array(2);
                    r.bulk(((StreamId) o).toBytes());
                    r.nullArray();
                }
            }
        }
    }

    /**
     * streamReplyWithRangeFromConsumerPEL: the consumer's own pending entries from
     * {@code start}; one deleted from the stream is its ID alone.
     */
    private static List<Object> fromPel(CommandContext ctx, RedisStream s, RedisStream.Consumer c, StreamId start,
                                        long count) {
        List<Object> out = new ArrayList<>();
        for (var e : c.pel.tailMap(start, true).entrySet()) {
            if (count != 0 && out.size() >= count) {
                break;
            }
            RedisStream.Entry entry = Streams.entry(s, e.getKey());
            if (entry == null) {
                out.add(e.getKey());
            } else {
                out.add(entry);
                e.getValue().deliveryTime = ctx.now();
                e.getValue().deliveryCount++;
            }
        }
        return out;
    }

    /** streamReplyWithRange with a group: new entries delivered, their NACKs made, and the group moved on. */
    private static List<Object> deliver(CommandContext ctx, RedisStream s, byte[] key, byte[] groupName,
                                        RedisStream.Group g, RedisStream.Consumer c, StreamId start, long count,
                                        boolean noack) {
        List<Object> out = new ArrayList<>();
        boolean propagateLastId = false;
        Iterator<RedisStream.Entry> it = s.range(start, StreamId.MAX, false);
        while (it.hasNext()) {
            RedisStream.Entry e = it.next();
            StreamId id = e.id();
            if (id.compareTo(g.lastId) > 0) {
                if (g.entriesRead != RedisStream.Group.INVALID_ENTRIES_READ && !Streams.rangeHasTombstones(s, id, null)) {
                    g.entriesRead++;
                } else if (s.entriesAdded() != 0) {
                    g.entriesRead = s.estimateDistance(id);
                }
                g.lastId = id;
                if (noack) {
                    propagateLastId = true;
                }
            }
            out.add(e);
            if (!noack) {
                RedisStream.Nack nack = g.pel.get(id);
                if (nack == null) {
                    nack = new RedisStream.Nack(c, ctx.now(), 1);
                    g.pel.put(id, nack);
                    c.pel.put(id, nack);
                } else {
                    Claims.moveTo(nack, id, c);
                    nack.deliveryTime = ctx.now();
                    nack.deliveryCount = 1;
                }
                Claims.propagateClaim(ctx, key, groupName, g, id, nack);
            }
            if (count != 0 && out.size() >= count) {
                break;
            }
        }
        if (propagateLastId) {
            Claims.propagateGroupId(ctx, key, groupName, g);
        }
        return out;
    }
}
