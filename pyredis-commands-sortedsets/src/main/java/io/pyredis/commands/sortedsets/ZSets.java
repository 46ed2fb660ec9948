package io.pyredis.commands.sortedsets;

import io.pyredis.api.CommandContext;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.Reply;

import java.nio.charset.StandardCharsets;

/** Parsing and reply helpers shared by the sorted set commands, following t_zset.c. */
final class ZSets {

    private ZSets() {
    }

    /** A score bound: {@code value}, exclusive when written {@code (value}. */
    record ScoreBound(double value, boolean exclusive) {
    }

    /** A lex bound: {@code -}, {@code +}, {@code [member} or {@code (member}. */
    record LexBound(byte[] member, boolean exclusive, int infinity) {
        static final LexBound MIN = new LexBound(null, false, -1);
        static final LexBound MAX = new LexBound(null, false, 1);
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

    /** The first rank inside a score range starting at {@code min}. */
    static long scoreLo(RedisSortedSet z, ScoreBound min) {
        return z.rankOfScore(min.value(), min.exclusive());
    }

    /** One past the last rank inside a score range ending at {@code max}. */
    static long scoreHi(RedisSortedSet z, ScoreBound max) {
        return z.rankOfScore(max.value(), !max.exclusive());
    }

    static long lexLo(RedisSortedSet z, LexBound min) {
        if (min.infinity() != 0) {
            return min.infinity() < 0 ? 0 : z.size();
        }
        return z.rankOfLex(min.member(), min.exclusive());
    }

    static long lexHi(RedisSortedSet z, LexBound max) {
        if (max.infinity() != 0) {
            return max.infinity() < 0 ? 0 : z.size();
        }
        return z.rankOfLex(max.member(), !max.exclusive());
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
        if (z.size() == 0) {
            ctx.db().delete(key);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.ZSET, event, key);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, key);
        } else {
            ctx.db().modified(key);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.ZSET, event, key);
        }
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
