package io.pyredis.support;

import io.pyredis.api.RedisError;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Number parsing and printing exactly as Redis does it, for command arguments and
 * values. Every pack needs the same rules (and packs cannot share code except through
 * this module), so they live here.
 *
 * @since 0.1
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Parses a signed 64-bit integer with Redis's {@code string2ll} rules: optional
     * {@code -}, no {@code +}, no leading zeros, no spaces, no overflow.
     *
     * @throws RedisError {@link RedisError#NOT_INTEGER} otherwise
     */
    public static long parseLong(byte[] b) {
        return parseLong(b, RedisError.NOT_INTEGER);
    }

    /** As {@link #parseLong(byte[])}, throwing {@code error} on bad input. */
    public static long parseLong(byte[] b, RedisError error) {
        int n = b.length;
        if (n == 0 || n > 20) {
            throw error;
        }
        if (n == 1 && b[0] == '0') {
            return 0;
        }
        int i = 0;
        boolean negative = false;
        if (b[0] == '-') {
            negative = true;
            i = 1;
            if (n == 1) {
                throw error;
            }
        }
        if (b[i] < '1' || b[i] > '9') {
            throw error;
        }
        // Accumulate as a negative number: its range is one larger than the positive one.
        long v = 0;
        for (; i < n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw error;
            }
            if (v < (Long.MIN_VALUE + d) / 10) {
                throw error;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                throw error;
            }
            v = -v;
        }
        return v;
    }

    /** Whether {@code b} is exactly the canonical decimal form of a 64-bit integer. */
    public static boolean isCanonicalLong(byte[] b) {
        try {
            parseLong(b, RedisError.NOT_INTEGER);
            return true;
        } catch (RedisError e) {
            return false;
        }
    }

    /**
     * Parses a double with Redis's {@code string2d} rules (C's {@code strtod} over the
     * whole argument): accepts {@code inf}, {@code -infinity}, {@code +1.5}, {@code .5},
     * {@code 1e3}, hex floats; rejects empty input, spaces, NaN, and values that
     * overflow or underflow.
     *
     * @throws RedisError {@link RedisError#NOT_FLOAT} otherwise
     */
    public static double parseDouble(byte[] b) {
        return parseDouble(b, RedisError.NOT_FLOAT);
    }

    /** As {@link #parseDouble(byte[])}, throwing {@code error} on bad input. */
    public static double parseDouble(byte[] b, RedisError error) {
        int n = b.length;
        if (n == 0 || n > 5000) {
            throw error;
        }
        String s = new String(b, StandardCharsets.ISO_8859_1);
        char first = s.charAt(0);
        char last = s.charAt(n - 1);
        if (Character.isWhitespace(first) || Character.isWhitespace(last) || first == 0 || last == 0) {
            throw error;
        }
        String body = (first == '-' || first == '+') ? s.substring(1) : s;
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            return first == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        // Java accepts things strtod does not (a type suffix, "Infinity", "NaN").
        if (last == 'd' || last == 'D' || last == 'f' || last == 'F' || !isPlainFloatSyntax(body)) {
            throw error;
        }
        double d;
        try {
            // Java wants a binary exponent in hex floats; strtod takes "0x10" as 16.
            boolean hex = body.length() > 2 && body.charAt(0) == '0' && (body.charAt(1) | 0x20) == 'x';
            d = Double.parseDouble(hex && body.indexOf('p') < 0 && body.indexOf('P') < 0 ? s + "p0" : s);
        } catch (NumberFormatException e) {
            throw error;
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw error;
        }
        if (d == 0 && hasNonZeroMantissa(body)) {
            throw error; // underflow: strtod sets ERANGE
        }
        return d;
    }

    private static boolean isPlainFloatSyntax(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            return s.indexOf('p') > 0 || s.indexOf('P') > 0 ? true : isHexDigits(s.substring(2));
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 && s.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNonZeroMantissa(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'e' || c == 'E' || c == 'p' || c == 'P') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code value} as {@code %.17g}: 17 significant digits, exact decimal rounding (half even,
     * as glibc), fixed notation for decimal exponents -4..16, else {@code d.ddde+XX}; trailing
     * zeros dropped. Infinities are {@code inf}/{@code -inf}, NaN {@code nan} or {@code -nan}.
     * This is how Redis 7.0 prints doubles in replies and plain strings (C's {@code printf("%.17g")}
     * as glibc prints it).
     *
     * @since 0.1
     */
    public static String formatDouble(double value) {
        return formatG(value, 17);
    }

    /**
     * {@code value} as C's {@code printf("%.<precision>g")} prints it with glibc (see
     * {@link #formatDouble}); Lua 5.1 prints its numbers with {@code %.14g}.
     *
     * @param precision significant digits, 1 to 17
     * @since 0.1
     */
    public static String formatG(double value, int precision) {
        if (Double.isNaN(value)) {
            return Double.doubleToRawLongBits(value) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
        }
        long l = (long) value;
        if (l == value && Math.abs(value) < POWERS_OF_TEN[precision]) {
            // Exact in at most `precision` digits: %g prints the integer itself.
            return Long.toString(l);
        }
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        String u = rounded.unscaledValue().toString();
        int exp = u.length() - 1 - rounded.scale();
        int n = u.length();
        while (n > 1 && u.charAt(n - 1) == '0') {
            n--;
        }
        StringBuilder sb = new StringBuilder(26);
        if (value < 0) {
            sb.append('-');
        }
        if (exp >= -4 && exp < precision) {
            if (exp >= 0) {
                for (int i = 0; i <= exp; i++) {
                    sb.append(i < n ? u.charAt(i) : '0');
                }
                if (n > exp + 1) {
                    sb.append('.').append(u, exp + 1, n);
                }
            } else {
                sb.append("0.");
                for (int i = -1; i > exp; i--) {
                    sb.append('0');
                }
                sb.append(u, 0, n);
            }
        } else {
            sb.append(u.charAt(0));
            if (n > 1) {
                sb.append('.').append(u, 1, n);
            }
            int a = Math.abs(exp);
            sb.append('e').append(exp < 0 ? '-' : '+');
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        }
        return sb.toString();
    }

    private static final double[] POWERS_OF_TEN = new double[18];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = Math.pow(10, i);
        }
    }

    /** The decimal ASCII digits of {@code value}. */
    public static byte[] toBytes(long value) {
        if (value >= 0 && value < SMALL.length) {
            return SMALL[(int) value].clone();
        }
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[][] SMALL = new byte[1024][];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
    }
}
