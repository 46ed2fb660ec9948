package io.pyredis.server.internal.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * A size in bytes, written as redis.conf writes them: a plain number or one with a unit
 * ({@code 1k} = 1000, {@code 1kb} = 1024, {@code m}/{@code mb}, {@code g}/{@code gb};
 * case-insensitive), as Redis's memtoull reads them.
 */
public final class MemoryParam extends ConfigParam<Long> {

    private final long min;
    private final long max;

    public MemoryParam(String name, boolean mutable, long defaultValue, long min, long max) {
        super(name, mutable, defaultValue);
        this.min = min;
        this.max = max;
    }

    /** The current value, unboxed. */
    public long longValue() {
        return value();
    }

    @Override
    protected String expected() {
        String range = max == Long.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max;
        return "a size in bytes " + range + " (a number, or with a unit such as \"512mb\")";
    }

    @Override
    protected Long parse(String text) throws BadValueException {
        Long v = parseBytes(text);
        if (v == null || v < min || v > max) {
            throw bad(quote(text));
        }
        return v;
    }

    @Override
    public String redisReason(String text) {
        if (parseBytes(text) == null) {
            return "argument must be a memory value";
        }
        return "argument must be between " + min + " and " + max + " inclusive";
    }

    @Override
    protected Long parseJson(JsonNode node) throws BadValueException {
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
                throw bad(node.toString());
            }
            return node.longValue();
        }
        return super.parseJson(node);
    }

    @Override
    protected String format(Long v) {
        return Long.toString(v);
    }

    /** Redis's memtoull: the byte count of {@code text}, or null when it is not a size. */
    public static Long parseBytes(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long mul = 1;
        String digits = s;
        String[][] units = {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"},
                {"k", "1000"}, {"m", "1000000"}, {"g", "1000000000"}, {"b", "1"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                mul = Long.parseLong(u[1]);
                digits = s.substring(0, s.length() - u[0].length());
                break;
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits), mul);
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
