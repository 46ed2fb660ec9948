package io.pyredis.commands.keys;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * SORT's score conversion: glibc's {@code strtod} over the value as a C string, accepted
 * when it stops at the string's end and sets no {@code ERANGE}, as sort.c checks it. That
 * is laxer than the api's {@code Numbers.parseDouble} in ways users see: leading
 * whitespace is skipped, the empty string is 0, and the value ends at its first NUL byte.
 */
final class Strtod {

    private Strtod() {
    }

    /** The score of {@code b}, or NaN when SORT reports it as not convertible. */
    static double score(byte[] b) {
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        int i = 0;
        while (i < end && isSpace(b[i])) {
            i++;
        }
        int numStart = i;
        if (i < end && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        int bodyStart = i;
        int stop = infinity(b, i, end);
        if (stop >= 0) {
            if (stop != end) {
                return Double.NaN;
            }
            return b[numStart] == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (i + 1 < end && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
            int hexEnd = hex(b, i + 2, end);
            if (hexEnd >= 0) {
                return hexEnd == end ? hexValue(b, numStart, bodyStart + 2, end) : Double.NaN;
            }
            // "0x" with no hex digits after it: strtod reads the "0" alone and stops at the x.
            return Double.NaN;
        }
        int decEnd = decimal(b, i, end);
        if (decEnd < 0) {
            // Nothing converted: strtod leaves its end pointer at the very start.
            return end == 0 ? 0 : Double.NaN;
        }
        if (decEnd != end) {
            return Double.NaN;
        }
        String text = new String(b, numStart, end - numStart, StandardCharsets.US_ASCII);
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            return Double.NaN; // overflow: ERANGE
        }
        if (d == 0) {
            return nonZeroMantissa(b, bodyStart, end) ? Double.NaN : d; // underflow to 0: ERANGE
        }
        if (Math.abs(d) < Double.MIN_NORMAL && !exact(d, new BigDecimal(stripPlus(text)))) {
            return Double.NaN; // glibc also sets ERANGE for a subnormal result that is inexact
        }
        return d;
    }

    private static boolean nonZeroMantissa(byte[] b, int i, int end) {
        for (; i < end && b[i] != 'e' && b[i] != 'E'; i++) {
            if (b[i] >= '1' && b[i] <= '9') {
                return true;
            }
        }
        return false;
    }

    private static String stripPlus(String s) {
        return s.startsWith("+") ? s.substring(1) : s;
    }

    private static boolean exact(double d, BigDecimal value) {
        return new BigDecimal(d).compareTo(value) == 0;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Where "inf" or "infinity" (any case) starting at {@code i} ends; -1 when there is none. */
    private static int infinity(byte[] b, int i, int end) {
        if (!matches(b, i, end, "inf")) {
            return -1;
        }
        return matches(b, i, end, "infinity") ? i + 8 : i + 3;
    }

    private static boolean matches(byte[] b, int i, int end, String word) {
        if (end - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            int c = b[i + k] | 0x20;
            if (c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The end of the longest decimal number at {@code i}; -1 when there is none. */
    private static int decimal(byte[] b, int i, int end) {
        int digits = 0;
        while (i < end && isDigit(b[i])) {
            i++;
            digits++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && isDigit(b[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            int j = i + 1;
            if (j < end && (b[j] == '+' || b[j] == '-')) {
                j++;
            }
            if (j < end && isDigit(b[j])) {
                while (j < end && isDigit(b[j])) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    /** The end of the hex mantissa and exponent at {@code i} (after "0x"); -1 when there is no digit. */
    private static int hex(byte[] b, int i, int end) {
        int digits = 0;
        while (i < end && Character.digit(b[i], 16) >= 0) {
            i++;
            digits++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && Character.digit(b[i], 16) >= 0) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        if (i < end && (b[i] == 'p' || b[i] == 'P')) {
            int j = i + 1;
            if (j < end && (b[j] == '+' || b[j] == '-')) {
                j++;
            }
            if (j < end && isDigit(b[j])) {
                while (j < end && isDigit(b[j])) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    /** A hex float that {@link #hex} accepted whole, from {@code numStart} (its sign) to {@code end}. */
    private static double hexValue(byte[] b, int numStart, int digitsStart, int end) {
        boolean negative = b[numStart] == '-';
        BigInteger mantissa = BigInteger.ZERO;
        int fractionDigits = 0;
        boolean fraction = false;
        int i = digitsStart;
        for (; i < end && b[i] != 'p' && b[i] != 'P'; i++) {
            if (b[i] == '.') {
                fraction = true;
                continue;
            }
            mantissa = mantissa.shiftLeft(4).add(BigInteger.valueOf(Character.digit(b[i], 16)));
            if (fraction) {
                fractionDigits++;
            }
        }
        long exponent = 0;
        if (i < end) {
            String e = new String(b, i + 1, end - i - 1, StandardCharsets.US_ASCII);
            // Absurd exponents only push the result to 0 or infinity; cap before parsing.
            String digits = e.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
            exponent = digits.length() > 9 ? 1_000_000_000L : Long.parseLong(digits);
            if (e.startsWith("-")) {
                exponent = -exponent;
            }
        }
        exponent -= 4L * fractionDigits;
        if (mantissa.signum() == 0) {
            return negative ? -0.0 : 0.0;
        }
        int bits = mantissa.bitLength();
        long top = exponent + bits; // the value is in [2^(top-1), 2^top)
        if (top > 1024) {
            return Double.NaN; // overflow
        }
        if (top < -1074) {
            return Double.NaN; // underflow to zero
        }
        // Java parses hex floats with correct rounding; a normalised literal avoids huge strings.
        String literal = "0x" + mantissa.toString(16) + "p" + exponent;
        double d = Double.parseDouble(literal);
        if (Double.isInfinite(d)) {
            return Double.NaN;
        }
        if (d < Double.MIN_NORMAL) {
            BigDecimal value = exponent >= 0
                    ? new BigDecimal(mantissa.shiftLeft((int) exponent))
                    : new BigDecimal(mantissa).divide(new BigDecimal(BigInteger.ONE.shiftLeft((int) -exponent)));
            if (!exact(d, value)) {
                return Double.NaN;
            }
        }
        return negative ? -d : d;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
