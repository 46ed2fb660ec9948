package io.pyredis.support;

import io.pyredis.api.RedisError;

/**
 * The arguments of Redis 7.0's SCAN family (db.c {@code parseScanCursorOrReply} and
 * {@code scanGenericCommand}): the cursor, and {@code [MATCH pattern] [COUNT count]}, plus
 * {@code [TYPE type]} for SCAN itself. SCAN, HSCAN, SSCAN and ZSCAN read them with the same
 * code in Redis, so the packs share this class.
 *
 * <p>Redis parses the cursor before it looks the key up, and the options only once the key
 * exists; {@link #parseCursor} and {@link #parseOptions} are separate so callers keep that order.
 *
 * @since 0.1
 */
public final class ScanArgs {

    /** Redis's reply to a cursor {@code strtoul} refuses. */
    private static final RedisError INVALID_CURSOR = new RedisError("ERR invalid cursor");

    private static final int DEFAULT_COUNT = 10;

    private final byte[] pattern;
    private final long count;
    private final byte[] type;

    private ScanArgs(byte[] pattern, long count, byte[] type) {
        this.pattern = pattern;
        this.count = count;
        this.type = type;
    }

    /**
     * The cursor as C's {@code strtoul} reads it, which Redis uses so that the whole unsigned
     * range is valid: an optional sign ({@code -1} wraps to 2<sup>64</sup>-1), leading zeros,
     * no leading space, nothing after the digits up to a NUL byte (where C stops reading), no
     * overflow. Like strtoul, the empty string is 0.
     *
     * @return the cursor, an unsigned 64-bit number
     * @throws RedisError {@code ERR invalid cursor}
     * @since 0.1
     */
    public static long parseCursor(byte[] a) {
        int n = 0;
        while (n < a.length && a[n] != 0) {
            n++;
        }
        if (n == 0) {
            return 0;
        }
        byte first = a[0];
        if (first == ' ' || (first >= '\t' && first <= '\r')) {
            throw INVALID_CURSOR;
        }
        int i = 0;
        boolean negative = false;
        if (first == '+' || first == '-') {
            negative = first == '-';
            i = 1;
        }
        if (i == n) {
            throw INVALID_CURSOR;
        }
        long v = 0;
        for (; i < n; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9) {
                throw INVALID_CURSOR;
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                throw INVALID_CURSOR;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /**
     * Parses {@code [MATCH pattern] [COUNT count]} (and {@code [TYPE type]} when
     * {@code withType}, which only SCAN accepts) from {@code args[from]} on, in any order, the
     * last of a repeated option winning.
     *
     * @throws RedisError {@link RedisError#NOT_INTEGER} for a COUNT that is not an integer,
     *     {@link RedisError#SYNTAX} for a COUNT below 1, an unknown option or a missing value
     * @since 0.1
     */
    public static ScanArgs parseOptions(byte[][] args, int from, boolean withType) {
        byte[] pattern = null;
        long count = DEFAULT_COUNT;
        byte[] type = null;
        for (int i = from; i < args.length; i += 2) {
            boolean hasValue = i + 1 < args.length;
            if (hasValue && Keywords.is(args[i], "count")) {
                count = Numbers.parseLong(args[i + 1]);
                if (count < 1) {
                    throw RedisError.SYNTAX;
                }
            } else if (hasValue && Keywords.is(args[i], "match")) {
                byte[] p = args[i + 1];
                pattern = p.length == 1 && p[0] == '*' ? null : p;
            } else if (withType && hasValue && Keywords.is(args[i], "type")) {
                type = args[i + 1];
            } else {
                throw RedisError.SYNTAX;
            }
        }
        return new ScanArgs(pattern, count, type);
    }

    /**
     * The MATCH pattern, or null when there is none (or it is {@code *}, which Redis skips).
     *
     * @since 0.1
     */
    public byte[] pattern() {
        return pattern;
    }

    /**
     * COUNT, at least 1; 10 when not given.
     *
     * @since 0.1
     */
    public long count() {
        return count;
    }

    /**
     * The TYPE argument as given, or null when there is none.
     *
     * @since 0.1
     */
    public byte[] type() {
        return type;
    }

    /**
     * Whether {@code element} passes MATCH (always, without one).
     *
     * @since 0.1
     */
    public boolean matches(byte[] element) {
        return pattern == null || Glob.matches(pattern, element);
    }

    /**
     * The COUNT to pass to one step of a storage scan that counts entries, where each entry
     * makes {@code repliesPerEntry} reply elements (2 for a field and its value), capped at
     * {@link Integer#MAX_VALUE}.
     *
     * @since 0.1
     */
    public int entriesPerStep(int repliesPerEntry) {
        long entries = (count + repliesPerEntry - 1) / repliesPerEntry;
        return (int) Math.min(entries, Integer.MAX_VALUE);
    }
}
