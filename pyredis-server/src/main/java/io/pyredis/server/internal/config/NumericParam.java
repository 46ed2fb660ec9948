package io.pyredis.server.internal.config;

import java.util.Locale;
import java.util.Set;

/**
 * A number, as Redis's numeric configs (createIntConfig ... createOffTConfig): a bound
 * range, checked as Redis checks it (unsigned C types compare as unsigned, so a negative
 * value is out of range rather than unparsable), and one of Redis's numeric forms: a plain
 * integer, a {@link Form#MEMORY memory} size with units ({@code 1k} = 1000, {@code 1kb} =
 * 1024, {@code m}/{@code mb}, {@code g}/{@code gb}, case-insensitive, as memtoull reads
 * them), a memory size or a {@link Form#MEMORY_PERCENT percentage} ({@code 50%}, kept as
 * -50, as Redis keeps it), or {@link Form#OCTAL octal} ({@code unixsocketperm}).
 */
public final class NumericParam extends ConfigParam<Long> {

    /** Redis's numeric flags: how the value is written. */
    public enum Form { INTEGER, MEMORY, MEMORY_PERCENT, OCTAL }

    /** Whether the C type is unsigned (uint, unsigned long long, size_t): bounds compare unsigned. */
    public enum Sign { SIGNED, UNSIGNED }

    private final Form form;
    private final Sign sign;
    private final long min;
    private final long max;
    private long capMin = Long.MIN_VALUE;
    private long capMax = Long.MAX_VALUE;

    public NumericParam(String name, String alias, Set<Flag> flags, Form form, Sign sign, long min, long max,
            long defaultValue) {
        super(name, alias, flags, defaultValue);
        this.form = form;
        this.sign = sign;
        this.min = min;
        this.max = max;
    }

    /** A plain signed integer without alias. */
    public NumericParam(String name, boolean mutable, long defaultValue, long min, long max) {
        this(name, null, mutable ? Set.of() : Set.of(Flag.IMMUTABLE), Form.INTEGER, Sign.SIGNED, min, max,
                defaultValue);
    }

    /**
     * Accepts the whole range but keeps the value within {@code min..max}, as Redis's
     * updateHZ does to {@code hz} ("more a hint from the user"). Returns this.
     */
    public NumericParam capped(long min, long max) {
        this.capMin = min;
        this.capMax = max;
        return this;
    }

    /** The current value, unboxed. */
    public long longValue() {
        return value();
    }

    /** The current value as an int, saturated (a uint such as maxclients may exceed Integer.MAX_VALUE). */
    public int intValue() {
        long v = value();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /** Whether the value is a percentage (maxmemory-clients' {@code 10%}), then {@link #percent()} tells it. */
    public boolean isPercent() {
        return form == Form.MEMORY_PERCENT && value() < 0;
    }

    /** The percentage of a {@link #isPercent() percent} value. */
    public long percent() {
        return -value();
    }

    @Override
    protected Long parse(String text) throws BadValueException {
        long v = read(text);
        check(v);
        return Math.max(capMin, Math.min(capMax, v));
    }

    /** Redis's numericParseString. */
    private long read(String text) throws BadValueException {
        if (form == Form.MEMORY || form == Form.MEMORY_PERCENT) {
            Long v = memtoull(text);
            if (v != null) {
                return v;
            }
        }
        if (form == Form.MEMORY_PERCENT && text.length() > 1 && text.endsWith("%")) {
            Long v = string2ll(text.substring(0, text.length() - 1));
            if (v != null && v >= 0) {
                return -v;
            }
        }
        if (form == Form.OCTAL) {
            Long v = strtoll8(text);
            if (v != null) {
                return v;
            }
        }
        if (form == Form.INTEGER) {
            Long v = string2ll(text);
            if (v != null) {
                return v;
            }
        }
        switch (form) {
            case MEMORY_PERCENT: throw bad("argument must be a memory or percent value");
            case MEMORY: throw bad("argument must be a memory value");
            case OCTAL: throw bad("argument couldn't be parsed as an octal number");
            default: throw bad("argument couldn't be parsed into an integer");
        }
    }

    /** Redis's numericBoundaryCheck. */
    private void check(long v) throws BadValueException {
        if (sign == Sign.UNSIGNED) {
            if (Long.compareUnsigned(v, max) > 0 || Long.compareUnsigned(v, min) < 0) {
                throw bad(form == Form.OCTAL
                        ? "argument must be between " + Long.toOctalString(min) + " and " + Long.toOctalString(max)
                                + " inclusive"
                        : "argument must be between " + Long.toUnsignedString(min) + " and "
                                + Long.toUnsignedString(max) + " inclusive");
            }
        } else if (form == Form.MEMORY_PERCENT && v < 0) {
            if (v < min) {
                throw bad("percentage argument must be less or equal to " + -min);
            }
        } else if (v > max || v < min) {
            throw bad("argument must be between " + min + " and " + max + " inclusive");
        }
    }

    @Override
    protected String format(Long v) {
        if (form == Form.MEMORY_PERCENT && v < 0) {
            return -v + "%";
        }
        if (form == Form.OCTAL) {
            return Long.toOctalString(v);
        }
        return sign == Sign.UNSIGNED || form == Form.MEMORY ? Long.toUnsignedString(v) : Long.toString(v);
    }

    /** Redis's string2ll: strict decimal (no sign but '-', no leading zeros, no spaces), or null. */
    static Long string2ll(String s) {
        if (s.isEmpty() || s.length() >= 21) {
            return null;
        }
        if (s.equals("0")) {
            return 0L;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i >= s.length() || s.charAt(i) < '1' || s.charAt(i) > '9') {
            return null;
        }
        for (int j = i; j < s.length(); j++) {
            if (s.charAt(j) < '0' || s.charAt(j) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Redis's memtoull: the byte count of {@code text}, or null when it is not a size. */
    public static Long memtoull(String text) {
        if (text.startsWith("-")) {
            return null;
        }
        int u = 0;
        while (u < text.length() && Character.isDigit(text.charAt(u)) && text.charAt(u) < 128) {
            u++;
        }
        long mul;
        switch (text.substring(u).toLowerCase(Locale.ROOT)) {
            case "": case "b": mul = 1; break;
            case "k": mul = 1000; break;
            case "kb": mul = 1024; break;
            case "m": mul = 1000 * 1000; break;
            case "mb": mul = 1024 * 1024; break;
            case "g": mul = 1000L * 1000 * 1000; break;
            case "gb": mul = 1024L * 1024 * 1024; break;
            default: return null;
        }
        String digits = text.substring(0, u);
        if (digits.isEmpty()) {
            // strtoull of "" is 0 without EINVAL on glibc: Redis reads "" and "kb" as 0.
            return 0L;
        }
        try {
            // strtoull saturates at ULLONG_MAX; the product wraps, as in C.
            long v = digits.length() > 20 ? -1L : Long.parseUnsignedLong(digits);
            return v * mul;
        } catch (NumberFormatException e) {
            return -1L * mul;
        }
    }

    /** strtoll(text, &end, 8) with the whole text used and no overflow, or null. */
    private static Long strtoll8(String text) {
        String t = text.strip();
        if (t.isEmpty() || !t.equals(text.stripLeading())) {
            return null;
        }
        try {
            return Long.parseLong(t, 8);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
