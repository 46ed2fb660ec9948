package io.pyredis.commands.sets;

import io.pyredis.api.Glob;
import io.pyredis.api.Numbers;
import io.pyredis.api.RedisError;

/**
 * The argument rules of Redis's SCAN family (db.c {@code parseScanCursorOrReply} and
 * {@code scanGenericCommand}), for SSCAN. The hashes pack has its own copy.
 */
final class Scan {

    /** The MATCH pattern, or null when there is none (or it is {@code *}, which Redis skips). */
    final byte[] pattern;
    /** COUNT, at least 1. */
    final long count;

    private Scan(byte[] pattern, long count) {
        this.pattern = pattern;
        this.count = count;
    }

    /**
     * The cursor as C's {@code strtoul} reads it, which Redis uses so that the whole unsigned
     * range is valid: optional sign ({@code -1} wraps to 2^64-1), leading zeros, no spaces,
     * nothing after the digits, nothing past 2^64-1. Like strtoul, an empty string is 0.
     *
     * @throws RedisError {@code ERR invalid cursor}
     */
    static long parseCursor(byte[] b) {
        int n = b.length;
        int i = 0;
        if (n > 0 && isSpace(b[0])) {
            throw Errors.INVALID_CURSOR;
        }
        boolean negative = false;
        if (i < n && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        int start = i;
        long v = 0;
        boolean overflow = false;
        for (; i < n && b[i] >= '0' && b[i] <= '9'; i++) {
            int d = b[i] - '0';
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                overflow = true;
            } else {
                v = v * 10 + d;
            }
        }
        if (i == start) {
            // No digits: strtoul reads nothing and leaves the end pointer at the start.
            if (n == 0) {
                return 0;
            }
            throw Errors.INVALID_CURSOR;
        }
        if (i != n || overflow) {
            throw Errors.INVALID_CURSOR;
        }
        return negative ? -v : v;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Parses {@code [MATCH pattern] [COUNT count]} from {@code args[from]} on. */
    static Scan options(byte[][] args, int from) {
        byte[] pattern = null;
        long count = 10;
        for (int i = from; i < args.length; i += 2) {
            boolean hasValue = i + 1 < args.length;
            if (hasValue && is(args[i], "count")) {
                count = Numbers.parseLong(args[i + 1]);
                if (count < 1) {
                    throw RedisError.SYNTAX;
                }
            } else if (hasValue && is(args[i], "match")) {
                byte[] p = args[i + 1];
                pattern = p.length == 1 && p[0] == '*' ? null : p;
            } else {
                throw RedisError.SYNTAX;
            }
        }
        return new Scan(pattern, count);
    }

    boolean matches(byte[] element) {
        return pattern == null || Glob.matches(pattern, element);
    }

    /** The COUNT to pass to a step of the storage scan, which counts entries, not replies. */
    int entriesPerStep(int repliesPerEntry) {
        long entries = (count + repliesPerEntry - 1) / repliesPerEntry;
        return (int) Math.min(entries, Integer.MAX_VALUE);
    }

    /** Case-insensitive comparison with an ASCII lower-case word. */
    static boolean is(byte[] arg, String lower) {
        if (arg.length != lower.length()) {
            return false;
        }
        for (int i = 0; i < arg.length; i++) {
            int c = arg[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
