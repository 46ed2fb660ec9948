package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Aggregates;
import io.pyredis.support.IndexRange;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;

import java.nio.charset.StandardCharsets;

/** Parsing and reply helpers shared by the sorted set commands, following t_zset.c. */
final class ZSets {

    private ZSets() {
    }

    /** One end of a score or lex range, found in a sorted set as a rank. */
    interface Bound {
        /** The first rank inside a range starting here. */
        long from(RedisSortedSet z);

        /** One past the last rank inside a range ending here. */
        long to(RedisSortedSet z);
    }

    /** A score bound: {@code value}, exclusive when written {@code (value}. */
    record ScoreBound(double value, boolean exclusive) implements Bound {
        @Override
        public long from(RedisSortedSet z) {
            return z.rankOfScore(value, exclusive);
        }

        @Override
        public long to(RedisSortedSet z) {
            return z.rankOfScore(value, !exclusive);
        }
    }

    /** A lex bound: {@code -}, {@code +}, {@code [member} or {@code (member}. */
    record LexBound(byte[] member, boolean exclusive, int infinity) implements Bound {
        static final LexBound MIN = new LexBound(null, false, -1);
        static final LexBound MAX = new LexBound(null, false, 1);

        @Override
        public long from(RedisSortedSet z) {
            return rank(z, exclusive);
        }

        @Override
        public long to(RedisSortedSet z) {
            return rank(z, !exclusive);
        }

        private long rank(RedisSortedSet z, boolean pastMember) {
            if (infinity != 0) {
                return infinity < 0 ? 0 : z.size();
            }
            return z.rankOfLex(member, pastMember);
        }
    }

    /** Parses a ZRANGEBYSCORE bound as zslParseRange does (C's strtod over the rest). */
    static ScoreBound scoreBound(byte[] b) {
        boolean exclusive = b.length > 0 && b[0] == '(';
        double v = strtod(b, exclusive ? 1 : 0);
        return new ScoreBound(v, exclusive);
    }

    /**
     * C's {@code strtod} over the whole rest of {@code b}, as zslParseRange calls it: leading
     * spaces allowed, overflow gives an infinity rather than an error, NaN refused.
     */
    private static double strtod(byte[] b, int from) {
        int i = from;
        while (i < b.length && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) {
            i++;
        }
        if (i == b.length) {
            return 0; // strtod converted nothing and stopped at the end: Redis takes the 0
        }
        byte[] rest = i == 0 ? b : java.util.Arrays.copyOfRange(b, i, b.length);
        try {
            return Numbers.parseDouble(rest, Errors.MIN_MAX_NOT_FLOAT);
        } catch (RedisError e) {
            String s = new String(rest, StandardCharsets.ISO_8859_1);
            if (s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                return Double.parseDouble(s); // out of range: strtod's HUGE_VAL or 0, kept by Redis
            }
            throw e;
        }
    }

    /** Parses a ZRANGEBYLEX bound as zslParseLexRangeItem does. */
    static LexBound lexBound(byte[] b) {
        if (b.length == 1 && b[0] == '-') {
            return LexBound.MIN;
        }
        if (b.length == 1 && b[0] == '+') {
            return LexBound.MAX;
        }
        if (b.length >= 1 && (b[0] == '(' || b[0] == '[')) {
            return new LexBound(java.util.Arrays.copyOfRange(b, 1, b.length), b[0] == '(', 0);
        }
        throw Errors.MIN_MAX_NOT_LEX;
    }

    /** The ranks {@code [lo, hi)} of a sorted set that a range covers; none when {@code hi <= lo}. */
    record Ranks(long lo, long hi) {
        static final Ranks NONE = new Ranks(0, 0);

        long count() {
            return Math.max(0, hi - lo);
        }
    }

    /** A parsed {@code min max} (or {@code start stop}), found in a sorted set as ranks. */
    @FunctionalInterface
    interface Range {
        Ranks in(RedisSortedSet z);
    }

    /**
     * How a command reads its {@code min max} arguments. Parsing comes before the key is
     * looked up, so its errors win over WRONGTYPE, as in Redis.
     */
    @FunctionalInterface
    interface RangeParser {
        Range parse(byte[] min, byte[] max);
    }

    /** {@code start stop}: ranks, negative ones counted from the end, clamped to the set. */
    static Range rankRange(byte[] start, byte[] stop) {
        long first = Numbers.parseLong(start);
        long last = Numbers.parseLong(stop);
        return z -> {
            IndexRange r = IndexRange.of(first, last, z.size());
            return r.isEmpty() ? Ranks.NONE : new Ranks(r.first(), r.last() + 1);
        };
    }

    /** {@code min max} as score bounds. */
    static Range scoreRange(byte[] min, byte[] max) {
        return between(scoreBound(min), scoreBound(max));
    }

    /** {@code min max} as lex bounds. */
    static Range lexRange(byte[] min, byte[] max) {
        return between(lexBound(min), lexBound(max));
    }

    private static Range between(Bound min, Bound max) {
        return z -> new Ranks(min.from(z), max.to(z));
    }

    /**
     * Writes ranks {@code from..to} inclusive of {@code z} (ascending when {@code from <= to},
     * descending otherwise): members, with their scores when asked; RESP3 pairs them.
     */
    static void replyRanks(Reply r, RedisSortedSet z, long from, long to, boolean withScores) {
        if (from < 0 || to < 0) {
            r.array(0);
            return;
        }
        int count = (int) (Math.abs(to - from) + 1);
        long step = from <= to ? 1 : -1;
        boolean pairs = withScores && r.protocol() >= 3;
        r.array(withScores && !pairs ? count * 2 : count);
        for (long rank = from, i = 0; i < count; i++, rank += step) {
            if (pairs) {
                r.array(2);
            }
            r.bulk(z.memberAt(rank));
            if (withScores) {
                r.doubleValue(z.scoreAt(rank));
            }
        }
    }

    /** Pops {@code n} members from one end, writing member and score, as pairs when asked. */
    static void popInto(Reply r, RedisSortedSet z, int n, boolean max, boolean pairs) {
        for (int i = 0; i < n; i++) {
            long rank = max ? z.size() - 1 : 0;
            byte[] member = z.memberAt(rank);
            double score = z.scoreAt(rank);
            if (pairs) {
                r.array(2);
            }
            r.bulk(member);
            r.doubleValue(score);
            z.removeRange(rank, rank);
        }
    }

    /** The timeout of a blocking command in milliseconds (0: for ever), as getTimeoutFromObjectOrReply. */
    static long timeoutMillis(byte[] arg) {
        double seconds;
        try {
            seconds = Numbers.parseDouble(arg, Errors.TIMEOUT_NOT_FLOAT);
        } catch (RedisError e) {
            String s = new String(arg, StandardCharsets.ISO_8859_1);
            // Past a double, but in range of Redis's long double: its cast to long long is
            // LLONG_MIN on x86-64, which Redis then calls negative.
            if (s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)[eE]\\+?[0-9]{3,4}")) {
                throw Errors.TIMEOUT_NEGATIVE;
            }
            throw e;
        }
        double ms = seconds * 1000.0;
        long t;
        if (Math.abs(ms) > 1e15 && !Double.isInfinite(ms)) {
            // Redis computes in long double: exact here where a double would round.
            java.math.BigDecimal exact = new java.math.BigDecimal(seconds).multiply(java.math.BigDecimal.valueOf(1000));
            String text = new String(arg, StandardCharsets.ISO_8859_1);
            if (text.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                exact = new java.math.BigDecimal(text).multiply(java.math.BigDecimal.valueOf(1000));
            }
            java.math.BigInteger whole = exact.toBigInteger();
            // an unrepresentable value casts to LLONG_MIN on x86-64, which Redis calls negative
            t = whole.bitLength() > 63 ? -1 : whole.longValue();
        } else if (Double.isInfinite(ms)) {
            t = -1;
        } else {
            t = (long) ms;
        }
        if (t < 0) {
            throw Errors.TIMEOUT_NEGATIVE;
        }
        return t; // Redis 7.0 adds it to the clock unchecked: a huge timeout is "for ever" in effect
    }

    /**
     * After removing from the stored {@code z}: reports {@code event}; then deletes {@code key}
     * when {@code z} is empty, reporting its {@code del}, else tells the server it changed.
     */
    static void changed(CommandContext ctx, byte[] key, RedisSortedSet z, String event) {
        Aggregates.removed(ctx, key, z.size() == 0, KeyspaceEvent.ZSET, event);
    }

    /**
     * The STORE forms: stores {@code out} at {@code dst}, reporting {@code event}, or, when
     * {@code out} is null or empty, deletes {@code dst}, reporting a {@code del} if it existed.
     */
    static void store(CommandContext ctx, byte[] dst, RedisSortedSet out, String event) {
        if (out != null && out.size() > 0) {
            ctx.db().set(dst, out);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.ZSET, event, dst);
        } else if (ctx.db().delete(dst)) {
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, dst);
        }
    }
}
