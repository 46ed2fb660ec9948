package io.pyredis.commands.streams;

import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;
import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;

/**
 * The options XADD and XTRIM share (streamParseAddOrTrimArgsOrReply): MAXLEN or MINID with
 * {@code =} or {@code ~}, LIMIT, and for XADD NOMKSTREAM and the ID.
 */
final class TrimArgs {

    static final int NONE = 0;
    static final int MAXLEN = 1;
    static final int MINID = 2;

    int strategy = NONE;
    /** The index of the MAXLEN/MINID value, for the rewrite of an approximate trim. */
    int strategyArgIndex;
    boolean approx;
    long limit;
    long maxLen;
    StreamId minId;
    boolean noMkStream;
    /** XADD: an ID other than {@code *} was given. */
    boolean idGiven;
    boolean seqGiven = true;
    StreamId id;
    /** XADD: the index of the ID argument. */
    int idIndex;

    private static final RedisError BOTH = new RedisError(
            "ERR syntax error, MAXLEN and MINID options at the same time are not compatible");

    static TrimArgs parse(byte[][] args, boolean xadd, long nodeMaxEntries, boolean obey) {
        TrimArgs t = new TrimArgs();
        boolean limitGiven = false;
        int i = 2;
        for (; i < args.length; i++) {
            int more = args.length - 1 - i;
            byte[] opt = args[i];
            if (xadd && opt.length == 1 && opt[0] == '*') {
                break;
            } else if ((Keywords.is(opt, "maxlen") || Keywords.is(opt, "minid")) && more > 0) {
                if (t.strategy != NONE) {
                    throw BOTH;
                }
                boolean byLength = Keywords.is(opt, "maxlen");
                t.approx = false;
                byte[] next = args[i + 1];
                if (more >= 2 && next.length == 1 && next[0] == '~') {
                    t.approx = true;
                    i++;
                } else if (more >= 2 && next.length == 1 && next[0] == '=') {
                    i++;
                }
                if (byLength) {
                    t.maxLen = Numbers.parseLong(args[i + 1]);
                    if (t.maxLen < 0) {
                        throw new RedisError("ERR The MAXLEN argument must be >= 0.");
                    }
                } else {
                    t.minId = Streams.strictId(args[i + 1], 0);
                }
                i++;
                t.strategy = byLength ? MAXLEN : MINID;
                t.strategyArgIndex = i;
            } else if (Keywords.is(opt, "limit") && more > 0) {
                t.limit = Numbers.parseLong(args[i + 1]);
                if (t.limit < 0) {
                    throw new RedisError("ERR The LIMIT argument must be >= 0.");
                }
                limitGiven = true;
                i++;
            } else if (xadd && Keywords.is(opt, "nomkstream")) {
                t.noMkStream = true;
            } else if (xadd) {
                Streams.Parsed p = Streams.parse(opt, 0, true, true);
                t.id = p.id();
                t.seqGiven = p.seqGiven();
                t.idGiven = true;
                break;
            } else {
                throw RedisError.SYNTAX;
            }
        }
        t.idIndex = i;
        if (t.limit != 0 && t.strategy == NONE) {
            throw new RedisError("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
        }
        if (!xadd && t.strategy == NONE) {
            throw new RedisError("ERR syntax error, XTRIM must be called with a trimming strategy");
        }
        if (obey) {
            // Loading the AOF: the trim was made exact when it was propagated (Redis's mustObeyClient).
            t.limit = 0;
        } else if (limitGiven) {
            if (!t.approx) {
                throw new RedisError("ERR syntax error, LIMIT cannot be used without the special ~ option");
            }
        } else if (t.approx) {
            // At most 100 nodes' worth of work, as Redis caps it.
            t.limit = 100 * nodeMaxEntries;
            if (t.limit <= 0) {
                t.limit = 10000;
            }
            if (t.limit > 1000000) {
                t.limit = 1000000;
            }
        } else {
            t.limit = 0;
        }
        return t;
    }

    /** streamTrim with these options. */
    long trim(RedisStream s) {
        if (strategy == NONE) {
            return 0;
        }
        return s.trim(maxLen, strategy == MINID ? minId : null, approx, limit);
    }

    /**
     * The command as propagated after an approximate trim: {@code ~} becomes {@code =} and
     * the value what the stream was trimmed to (streamRewriteTrimArgument), so that the AOF
     * trims the same. LIMIT stays, as in Redis: the AOF loader ignores it.
     */
    byte[][] rewritten(byte[][] args, RedisStream s) {
        byte[][] out = args.clone();
        if (approx) {
            out[strategyArgIndex - 1] = Streams.word("=");
            out[strategyArgIndex] = strategy == MAXLEN ? Streams.number(s.length()) : firstIdWithTombstones(s).toBytes();
        }
        return out;
    }

    /** streamGetEdgeID(s, first, no skipping of tombstones): approximated by the first live ID. */
    private static StreamId firstIdWithTombstones(RedisStream s) {
        java.util.Iterator<RedisStream.Entry> it = s.range(StreamId.MIN, StreamId.MAX, false);
        return it.hasNext() ? it.next().id() : StreamId.MAX;
    }
}
