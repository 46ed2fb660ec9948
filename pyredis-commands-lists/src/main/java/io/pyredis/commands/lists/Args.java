package io.pyredis.commands.lists;

import io.pyredis.support.Keywords;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;

/** Argument parsing shared by the list commands, with Redis's error replies. */
final class Args {

    /** 2^63 as a double: timeouts of this many milliseconds or more overflow Redis's long long. */
    private static final double TWO_TO_63 = 9.223372036854775807E18;

    private Args() {
    }

    /** {@code LEFT} (true: the head) or {@code RIGHT} (false), any case; else a syntax error. */
    static boolean isLeft(byte[] arg) {
        if (Keywords.is(arg, "left")) {
            return true;
        }
        if (Keywords.is(arg, "right")) {
            return false;
        }
        throw RedisError.SYNTAX;
    }

    /**
     * A blocking timeout in seconds (a double, as Redis 6+ reads it) as milliseconds, 0 for
     * ever. As Redis: rounded up to the millisecond, so {@code -0.0001} is 0 (for ever), and
     * values whose milliseconds overflow a long long are "negative".
     */
    static long timeoutMillis(byte[] arg) {
        double seconds = Numbers.parseDouble(arg, Errors.TIMEOUT_NOT_FLOAT);
        double ms = Math.ceil(seconds * 1000.0);
        if (!(ms < TWO_TO_63)) {
            throw Errors.TIMEOUT_NEGATIVE;
        }
        long t = (long) ms;
        if (t < 0) {
            throw Errors.TIMEOUT_NEGATIVE;
        }
        return t;
    }

    /** A count that must be at least 1, as LMPOP's numkeys and COUNT take it. */
    static long positive(byte[] arg, RedisError error) {
        long v = Numbers.parseLong(arg, error);
        if (v < 1) {
            throw error;
        }
        return v;
    }
}
