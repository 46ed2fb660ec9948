package io.pyredis.commands.streams;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;

/**
 * {@code XADD key [NOMKSTREAM] [<MAXLEN | MINID> [= | ~] threshold [LIMIT count]] <* | id> field value [field value ...]}
 */
public final class XAddCommand implements Command {

    private static final CommandSpec SPEC = StreamsPack.METADATA.spec("xadd");
    private static final RedisError ARITY = new RedisError("ERR wrong number of arguments for 'xadd' command");
    private static final RedisError ZERO = new RedisError("ERR The ID specified in XADD must be greater than 0-0");
    private static final RedisError EXHAUSTED = new RedisError(
            "ERR The stream has exhausted the last possible ID, unable to add more items");
    private static final RedisError SMALLER = new RedisError(
            "ERR The ID specified in XADD is equal or smaller than the target stream top item");
    private static final RedisError TOO_LARGE = new RedisError("ERR Elements are too large to be stored");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long maxEntries = Streams.nodeMaxEntries(ctx);
        TrimArgs t = TrimArgs.parse(args, true, maxEntries, Streams.loadingAof(ctx));
        int fieldPos = t.idIndex + 1;
        int rest = args.length - fieldPos;
        if (rest < 2 || (rest & 1) == 1) {
            throw ARITY;
        }
        if (t.idGiven && t.seqGiven && t.id.isZero()) {
            throw ZERO;
        }
        Database db = ctx.db();
        byte[] key = args[1];
        RedisStream s = db.get(key, RedisStream.class);
        boolean created = false;
        if (s == null) {
            if (t.noMkStream) {
                ctx.reply().nullBulk();
                return;
            }
            s = db.createStream();
            created = true;
        }
        if (s.lastId().equals(StreamId.MAX)) {
            throw EXHAUSTED;
        }
        StreamId id = nextId(ctx, s, t);
        long total = 0;
        for (int i = fieldPos; i < args.length; i++) {
            total += args[i].length;
        }
        if (total > (1L << 30)) {
            throw TOO_LARGE;
        }
        if (created) {
            db.set(key, s);
        }
        s.append(id, args, fieldPos, rest / 2, Streams.nodeMaxBytes(ctx), maxEntries);
        byte[] idBytes = id.toBytes();
        ctx.reply().bulk(idBytes);
        db.modified(key);
        Streams.notify(ctx, "xadd", key);
        if (t.strategy != TrimArgs.NONE) {
            if (t.trim(s) > 0) {
                Streams.notify(ctx, "xtrim", key);
            }
        }
        byte[][] prop = t.approx ? t.rewritten(args, s) : args.clone();
        if (!t.idGiven || !t.seqGiven) {
            prop[t.idIndex] = idBytes;
        }
        ctx.propagate(prop);
    }

    /** The ID of the new entry, as streamAppendItem picks it; SMALLER when it does not follow the last one. */
    private static StreamId nextId(CommandContext ctx, RedisStream s, TrimArgs t) {
        StreamId last = s.lastId();
        StreamId id;
        if (t.idGiven) {
            if (t.seqGiven) {
                id = t.id;
            } else if (last.ms() == t.id.ms()) {
                if (last.seq() == -1L) {
                    throw SMALLER;
                }
                id = new StreamId(last.ms(), last.seq() + 1);
            } else {
                id = t.id;
            }
        } else {
            long ms = ctx.now();
            if (Long.compareUnsigned(ms, last.ms()) > 0) {
                id = new StreamId(ms, 0);
            } else {
                id = last.next();
                if (id == null) {
                    id = StreamId.MIN;
                }
            }
        }
        if (id.compareTo(last) <= 0) {
            throw SMALLER;
        }
        return id;
    }
}
