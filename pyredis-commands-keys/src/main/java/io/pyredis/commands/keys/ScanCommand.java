package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.Glob;
import io.pyredis.api.KeySpec;
import io.pyredis.api.Numbers;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisValue;
import io.pyredis.api.Reply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]}
 *
 * <p>The cursor is {@link Database#scan}'s, which keeps Redis's guarantee (every key
 * present for the whole iteration is returned at least once); MATCH and TYPE filter what
 * one step found, so a step may return fewer keys than COUNT, or none, as in Redis.
 */
public final class ScanCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("scan", -2, Specs.READONLY, KeySpec.NONE, "2.8.0",
            "Incrementally iterate the keys space",
            "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to"
                    + " return back to 0. N is the number of elements inside the collection.",
            "cursor [MATCH pattern] [COUNT count] [TYPE type]");

    private static final int DEFAULT_COUNT = 10;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long cursor = parseCursor(args[1]);
        long count = DEFAULT_COUNT;
        byte[] pattern = null;
        byte[] type = null;
        for (int i = 2; i < args.length; i += 2) {
            boolean hasValue = i + 1 < args.length;
            if (hasValue && Ascii.is(args[i], "count")) {
                count = Numbers.parseLong(args[i + 1]);
                if (count < 1) {
                    throw RedisError.SYNTAX;
                }
            } else if (hasValue && Ascii.is(args[i], "match")) {
                byte[] p = args[i + 1];
                pattern = p.length == 1 && p[0] == '*' ? null : p;
            } else if (hasValue && Ascii.is(args[i], "type")) {
                type = args[i + 1];
            } else {
                throw RedisError.SYNTAX;
            }
        }
        Database db = ctx.db();
        List<byte[]> keys = new ArrayList<>();
        long next = db.scan(cursor, (int) Math.min(count, Integer.MAX_VALUE), keys::add);
        if (pattern != null || type != null) {
            String typeName = type == null ? null : new String(type, StandardCharsets.ISO_8859_1);
            int kept = 0;
            for (byte[] k : keys) {
                if (pattern != null && !Glob.matches(pattern, k)) {
                    continue;
                }
                if (typeName != null) {
                    RedisValue v = db.peek(k);
                    if (v == null || !v.type().name().equalsIgnoreCase(typeName)) {
                        continue;
                    }
                }
                keys.set(kept++, k);
            }
            keys.subList(kept, keys.size()).clear();
        }
        Reply r = ctx.reply();
        r.array(2);
        r.bulk(Long.toUnsignedString(next));
        r.array(keys.size());
        for (byte[] k : keys) {
            r.bulk(k);
        }
    }

    /**
     * Redis 7.0's parseScanCursorOrReply: C's {@code strtoul} over the whole argument, so
     * an unsigned 64-bit number with an optional sign ({@code -1} wraps to the largest
     * cursor; the empty string is 0), but no leading space, nothing after the digits
     * (up to a NUL byte, where C stops reading) and no overflow.
     */
    static long parseCursor(byte[] a) {
        int n = 0;
        while (n < a.length && a[n] != 0) {
            n++;
        }
        if (n == 0) {
            return 0;
        }
        byte first = a[0];
        if (first == ' ' || (first >= '\t' && first <= '\r')) {
            throw Errors.INVALID_CURSOR;
        }
        int i = 0;
        boolean negative = false;
        if (first == '+' || first == '-') {
            negative = first == '-';
            i = 1;
        }
        if (i == n) {
            throw Errors.INVALID_CURSOR;
        }
        long v = 0;
        for (; i < n; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9) {
                throw Errors.INVALID_CURSOR;
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) {
                throw Errors.INVALID_CURSOR;
            }
            long t = v * 10 + d;
            if (Long.compareUnsigned(t, v * 10) < 0) {
                throw Errors.INVALID_CURSOR;
            }
            v = t;
        }
        return negative ? -v : v;
    }
}
