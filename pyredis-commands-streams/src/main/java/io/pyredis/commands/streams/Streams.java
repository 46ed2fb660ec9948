package io.pyredis.commands.streams;

import io.pyredis.api.CommandContext;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisStream;
import io.pyredis.api.Reply;
import io.pyredis.api.StreamId;
import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/** What the stream commands share: ID parsing as t_stream.c does it, error texts, replies of entries. */
final class Streams {

    static final RedisError INVALID_ID = new RedisError("ERR Invalid stream ID specified as stream command argument");
    static final RedisError INVALID_START = new RedisError("ERR invalid start ID for the interval");
    static final RedisError INVALID_END = new RedisError("ERR invalid end ID for the interval");

    private Streams() {
    }

    /** The result of {@link #parse}: the ID and whether its sequence was given (not {@code <ms>-*}). */
    record Parsed(StreamId id, boolean seqGiven) {
    }

    /**
     * streamGenericParseIDOrReply: {@code -}, {@code +} (unless {@code strict}),
     * {@code <ms>}, {@code <ms>-<seq>}, and {@code <ms>-*} when {@code allowAutoSeq}.
     */
    static Parsed parse(byte[] arg, long missingSeq, boolean strict, boolean allowAutoSeq) {
        if (arg.length > 127) {
            throw INVALID_ID;
        }
        if (arg.length == 1 && (arg[0] == '-' || arg[0] == '+')) {
            if (strict) {
                throw INVALID_ID;
            }
            return new Parsed(arg[0] == '-' ? StreamId.MIN : StreamId.MAX, true);
        }
        int dash = -1;
        for (int i = 0; i < arg.length; i++) {
            if (arg[i] == '-') {
                dash = i;
                break;
            }
            if (arg[i] == 0) {
                break;
            }
        }
        int msEnd = dash < 0 ? nulEnd(arg, 0) : dash;
        long ms = parseUnsigned(arg, 0, msEnd);
        long seq;
        boolean seqGiven = true;
        if (dash >= 0) {
            int end = nulEnd(arg, dash + 1);
            if (allowAutoSeq && end - dash - 1 == 1 && arg[dash + 1] == '*') {
                seq = 0;
                seqGiven = false;
            } else {
                seq = parseUnsigned(arg, dash + 1, end);
            }
        } else {
            seq = missingSeq;
        }
        return new Parsed(new StreamId(ms, seq), seqGiven);
    }

    /** Where the C string starting at {@code from} ends: the first NUL or the end. */
    private static int nulEnd(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return b.length;
    }

    /** string2ull: strtoull's form (leading spaces, an optional sign), the whole text used, no overflow. */
    private static long parseUnsigned(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) {
            i++;
        }
        if (i < to && b[i] == '+') {
            i++;
        }
        if (i >= to) {
            throw INVALID_ID;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw INVALID_ID;
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) {
                throw INVALID_ID;
            }
            long nv = v * 10 + d;
            if (Long.compareUnsigned(nv, v * 10) < 0) {
                throw INVALID_ID;
            }
            v = nv;
        }
        return v;
    }

    /** streamParseIDOrReply: {@code -} and {@code +} allowed. */
    static StreamId id(byte[] arg, long missingSeq) {
        return parse(arg, missingSeq, false, false).id();
    }

    /** streamParseStrictIDOrReply without {@code <ms>-*}. */
    static StreamId strictId(byte[] arg, long missingSeq) {
        return parse(arg, missingSeq, true, false).id();
    }

    /** The start of a range ({@code (} excludes), as XRANGE and XPENDING take it. */
    static StreamId rangeStart(byte[] arg) {
        if (arg.length > 1 && arg[0] == '(') {
            StreamId id = strictId(java.util.Arrays.copyOfRange(arg, 1, arg.length), 0).next();
            if (id == null) {
                throw INVALID_START;
            }
            return id;
        }
        return id(arg, 0);
    }

    /** The end of a range ({@code (} excludes). */
    static StreamId rangeEnd(byte[] arg) {
        if (arg.length > 1 && arg[0] == '(') {
            StreamId id = strictId(java.util.Arrays.copyOfRange(arg, 1, arg.length), -1L).previous();
            if (id == null) {
                throw INVALID_END;
            }
            return id;
        }
        return id(arg, -1L);
    }

    static boolean isDollar(byte[] arg) {
        return arg.length == 1 && arg[0] == '$';
    }

    /** The stream at {@code key} (WRONGTYPE for another type), null when there is none. */
    static RedisStream lookup(CommandContext ctx, byte[] key) {
        return ctx.db().get(key, RedisStream.class);
    }

    /** The stream at {@code key} as a read in a write command (XACK, XCLAIM look it up so). */
    static RedisStream read(CommandContext ctx, byte[] key) {
        return ctx.db().read(key, RedisStream.class);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** One entry as streamReplyWithRange emits it: {@code [id, [field, value, ...]]}. */
    static void replyEntry(Reply r, RedisStream.Entry e) {
        r.array(2);
        r.bulk(e.id().toBytes());
        byte[][] fv = e.fieldsAndValues();
        r.array(fv.length);
        for (byte[] b : fv) {
            r.bulk(b);
        }
    }

    static void replyEntries(Reply r, List<RedisStream.Entry> entries) {
        r.array(entries.size());
        for (RedisStream.Entry e : entries) {
            replyEntry(r, e);
        }
    }

    /** Up to {@code count} (0: all) entries of the range. */
    static List<RedisStream.Entry> range(RedisStream s, StreamId start, StreamId end, long count, boolean rev) {
        List<RedisStream.Entry> out = new java.util.ArrayList<>();
        Iterator<RedisStream.Entry> it = s.range(start, end, rev);
        while (it.hasNext()) {
            out.add(it.next());
            if (count > 0 && out.size() >= count) {
                break;
            }
        }
        return out;
    }

    /** The entry {@code id}, or null when it is not in the stream. */
    static RedisStream.Entry entry(RedisStream s, StreamId id) {
        Iterator<RedisStream.Entry> it = s.range(id, id, false);
        return it.hasNext() ? it.next() : null;
    }

    /** streamLastValidID: the last live entry's ID ({@code 0-0} when empty). */
    static StreamId lastValidId(RedisStream s) {
        Iterator<RedisStream.Entry> it = s.range(StreamId.MIN, StreamId.MAX, true);
        return it.hasNext() ? it.next().id() : StreamId.MIN;
    }

    /** {@code stream-node-max-bytes} */
    static long nodeMaxBytes(CommandContext ctx) {
        return configLong(ctx, "stream-node-max-bytes", 4096);
    }

    /** {@code stream-node-max-entries} */
    static long nodeMaxEntries(CommandContext ctx) {
        return configLong(ctx, "stream-node-max-entries", 100);
    }

    private static long configLong(CommandContext ctx, String name, long dflt) {
        String v = ctx.config(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /**
     * Whether the command comes from the AOF being loaded (Redis's mustObeyClient): the
     * server's AOF loader runs as session id -1, Redis's CLIENT_ID_AOF (UINT64_MAX).
     */
    static boolean loadingAof(CommandContext ctx) {
        return ctx.session().id() == -1L;
    }

    static void notify(CommandContext ctx, String event, byte[] key) {
        ctx.notifyKeyspaceEvent(KeyspaceEvent.STREAM, event, key);
    }

    static byte[] word(String w) {
        return w.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] number(long v) {
        return Numbers.toBytes(v);
    }

    /** ERR unknown subcommand or wrong number of arguments for '...'. Try XGROUP HELP. */
    static RedisError subcommandSyntax(byte[][] args) {
        String sub = text(args[1]);
        if (sub.length() > 128) {
            sub = sub.substring(0, 128);
        }
        return new RedisError("ERR unknown subcommand or wrong number of arguments for '" + sub + "'. Try "
                + text(args[0]).toUpperCase(java.util.Locale.ROOT) + " HELP.");
    }

    /** Redis's addReplyHelp: the header, the lines and HELP's own. */
    static void help(Reply r, String command, String... lines) {
        r.array(lines.length + 3);
        r.simple(command + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String l : lines) {
            r.simple(l);
        }
        r.simple("HELP");
        r.simple("    Prints this help.");
    }

    /** NOGROUP for XGROUP's and XINFO CONSUMERS's missing group. */
    static RedisError noSuchGroup(byte[] group, byte[] key) {
        return new RedisError("NOGROUP No such consumer group '" + text(group) + "' for key name '" + text(key) + "'");
    }

    /** The group {@code name} of {@code s}, or null. */
    static RedisStream.Group group(RedisStream s, byte[] name) {
        return s == null ? null : s.groups().get(name);
    }

    /** XREADGROUP/XCLAIM's consumer lookup (streamLookupConsumer, refreshing seen-time) or creation. */
    static RedisStream.Consumer consumer(CommandContext ctx, RedisStream.Group g, byte[] name, byte[] key, boolean notify) {
        RedisStream.Consumer c = g.consumers.get(name);
        if (c != null) {
            c.seenTime = ctx.now();
            return c;
        }
        c = new RedisStream.Consumer(name, ctx.now());
        g.consumers.put(name, c);
        if (notify) {
            notify(ctx, "xgroup-createconsumer", key);
        }
        return c;
    }

    /** streamRangeHasTombstones for {@code [start, end]} (end null: to the last possible ID). */
    static boolean rangeHasTombstones(RedisStream s, StreamId start, StreamId end) {
        if (s.length() == 0 || s.maxDeletedId().isZero()) {
            return false;
        }
        if (s.firstId().compareTo(s.maxDeletedId()) > 0) {
            return false;
        }
        StreamId e = end == null ? StreamId.MAX : end;
        return start.compareTo(s.maxDeletedId()) <= 0 && s.maxDeletedId().compareTo(e) <= 0;
    }
}
