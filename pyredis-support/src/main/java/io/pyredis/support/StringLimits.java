package io.pyredis.support;

import io.pyredis.api.CommandContext;
import io.pyredis.api.RedisError;

import java.util.Locale;

/**
 * The string size limit of the commands that grow a string (APPEND, SETRANGE, SETBIT,
 * BITFIELD): {@code proto-max-bulk-len}.
 *
 * @since 0.1
 */
public final class StringLimits {

    /** {@code proto-max-bulk-len}'s default, 512 MB. */
    public static final long DEFAULT_PROTO_MAX_BULK_LEN = 512L * 1024 * 1024;
    /**
     * The least {@code proto-max-bulk-len} may be set to (1 MB, as in Redis): sizes up to it
     * need no look at the setting, which costs more than the command on a hot path.
     */
    public static final long MIN_PROTO_MAX_BULK_LEN = 1024L * 1024;
    /** The largest byte array the JVM reliably allocates. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private StringLimits() {
    }

    /** The last setting parsed, so that a run of APPENDs parses it once (a value object: racy reads are fine). */
    private static Parsed last = new Parsed(null, DEFAULT_PROTO_MAX_BULK_LEN);

    private record Parsed(String text, long value) {
    }

    /** The configured {@code proto-max-bulk-len}; only read by commands that grow strings. */
    public static long protoMaxBulkLen(CommandContext ctx) {
        String text = ctx.config("proto-max-bulk-len");
        Parsed p = last;
        if (text != null && text.equals(p.text)) {
            return p.value;
        }
        long value = parseMemory(text);
        last = new Parsed(text, value);
        return value;
    }

    /**
     * Throws Redis's "string exceeds maximum allowed size" unless a string of
     * {@code size + append} bytes is allowed. Sums that overflow are refused, as 7.0.8+ does.
     */
    public static void checkStringLength(CommandContext ctx, long size, long append) {
        long total = size + append;
        if (total < size || total < append
                || (total > MIN_PROTO_MAX_BULK_LEN && (total > protoMaxBulkLen(ctx) || total > MAX_ARRAY))) {
            throw RedisError.STRING_TOO_LONG;
        }
    }

    /** Parses a memory amount as Redis's config does ("536870912", "512mb", "1gb"). */
    public static long parseMemory(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_PROTO_MAX_BULK_LEN;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        String[][] units = {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"},
                            {"k", "1000"}, {"m", "1000000"}, {"g", "1000000000"}, {"b", "1"}};
        for (String[] u : units) {
            if (v.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                v = v.substring(0, v.length() - u[0].length());
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(v), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            return DEFAULT_PROTO_MAX_BULK_LEN;
        }
    }
}
