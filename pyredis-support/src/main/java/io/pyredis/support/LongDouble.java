package io.pyredis.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The arithmetic of INCRBYFLOAT and HINCRBYFLOAT as Redis does it on x86-64: C {@code long double}, the x87
 * 80-bit extended format (64-bit significand, exponents down to 2<sup>-16445</sup> with
 * subnormals, largest finite value just under 2<sup>16384</sup>), parsed by {@code strtold}
 * and printed by {@code printf("%.17Lf")}.
 *
 * <p>A value is kept as the {@link BigDecimal} equal to the extended-precision number: every
 * such number is a dyadic rational, so the BigDecimal is exact. Parsing and addition round
 * to nearest, ties to even, as the FPU and glibc do; printing rounds the exact value to 17
 * decimals, ties to even, as glibc's printf does. The results therefore match Redis on
 * x86-64 digit for digit. (On platforms whose {@code long double} is IEEE quad or plain
 * double, Redis itself prints different digits.)
 *
 * <p>Stateless, so safe from any thread. Shared here because several packs need exactly the
 * same arithmetic and packs can share code only through this module.
 *
 * @since 0.1
 */
public final class LongDouble {

    /** Bits in the significand of the x87 extended format, the integer bit included. */
    private static final int PRECISION = 64;
    /** The exponent of the least significant bit of the smallest subnormal: 2^-16445. */
    private static final int MIN_EXPONENT = -16445;
    /** Values of 2^MAX_BINARY_EXPONENT and more overflow to infinity. */
    private static final int MAX_BINARY_EXPONENT = 16384;
    /** strtold's buffer in Redis's string2ld: longer input is refused. */
    private static final int MAX_CHARS = 5 * 1024;

    /** Marker results of {@link #parse} for a valid infinity, told apart by identity. */
    private static final BigDecimal POSITIVE_INFINITY = new BigDecimal("1E+999999999");
    private static final BigDecimal NEGATIVE_INFINITY = new BigDecimal("-1E+999999999");

    private LongDouble() {
    }

    /** Whether {@code v} is one of the infinity markers. */
    public static boolean isInfinite(BigDecimal v) {
        return v == POSITIVE_INFINITY || v == NEGATIVE_INFINITY;
    }

    /**
     * Parses as Redis's {@code string2ld}: the whole input must be a {@code strtold} float
     * (decimal or hex, {@code inf}/{@code infinity}), no leading space, not NaN, and not
     * overflowing or underflowing to zero.
     *
     * @return the value, an infinity marker, or {@code null} when it is not a valid float
     */
    public static BigDecimal parse(byte[] b) {
        int n = b.length;
        if (n == 0 || n >= MAX_CHARS) {
            return null;
        }
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int i = 0;
        boolean negative = false;
        char c0 = s.charAt(0);
        if (c0 == '+' || c0 == '-') {
            negative = c0 == '-';
            i = 1;
        }
        String body = s.substring(i);
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
        }
        BigDecimal v;
        if (body.length() > 1 && body.charAt(0) == '0' && (body.charAt(1) == 'x' || body.charAt(1) == 'X')) {
            v = parseHex(body.substring(2));
        } else {
            v = parseDecimal(body);
        }
        if (v == null) {
            return null;
        }
        if (v.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal r = round(v);
        if (r == null || r.signum() == 0) {
            return null; // ERANGE with HUGE_VAL or zero: Redis refuses both
        }
        return negative ? r.negate() : r;
    }

    /**
     * The sum rounded to extended precision, or {@code null} when it is infinite or NaN
     * (either operand infinite, or the sum overflowing).
     */
    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (isInfinite(a) || isInfinite(b)) {
            return null;
        }
        return round(a.add(b));
    }

    /**
     * {@code printf("%.17Lf")} without the trailing zeros (and the dot when nothing is left
     * after it), "-0" printed as "0": Redis's {@code ld2string} in {@code LD_STR_HUMAN} mode.
     */
    public static byte[] format(BigDecimal v) {
        String s = v.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        s = s.substring(0, end);
        if (s.equals("-0")) {
            s = "0";
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code v} rounded to the nearest extended-precision value (ties to even), zero when it
     * underflows, {@code null} when it overflows.
     */
    private static BigDecimal round(BigDecimal v) {
        int sign = v.signum();
        if (sign == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal x = v.abs();
        // Decide the far ranges from the decimal exponent alone, before any big powers.
        long decimalExponent = (long) x.precision() - x.scale() - 1; // 10^e <= x < 10^(e+1)
        if (decimalExponent > 4933) {
            return null;
        }
        if (decimalExponent < -4953) {
            return BigDecimal.ZERO;
        }
        BigInteger num;
        BigInteger den;
        if (x.scale() > 0) {
            num = x.unscaledValue();
            den = BigInteger.TEN.pow(x.scale());
        } else {
            num = x.unscaledValue().multiply(BigInteger.TEN.pow(-x.scale()));
            den = BigInteger.ONE;
        }
        // Find e with 2^63 <= x / 2^e < 2^64; the first guess is off by at most one.
        int e = num.bitLength() - den.bitLength() - PRECISION;
        BigInteger[] qr = divide(num, den, e);
        if (qr[0].bitLength() > PRECISION) {
            e++;
            qr = divide(num, den, e);
        } else if (qr[0].bitLength() < PRECISION) {
            e--;
            qr = divide(num, den, e);
        }
        if (e < MIN_EXPONENT) {
            e = MIN_EXPONENT; // subnormal: fewer significant bits
            qr = divide(num, den, e);
        }
        BigInteger q = qr[0];
        BigInteger twiceRemainder = qr[1].shiftLeft(1);
        BigInteger divisor = qr[2];
        int cmp = twiceRemainder.compareTo(divisor);
        if (cmp > 0 || (cmp == 0 && q.testBit(0))) {
            q = q.add(BigInteger.ONE);
            if (q.bitLength() > PRECISION) {
                q = q.shiftRight(1);
                e++;
            }
        }
        if (q.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if ((long) e + q.bitLength() > MAX_BINARY_EXPONENT) {
            return null;
        }
        BigDecimal r = e >= 0
                ? new BigDecimal(q.shiftLeft(e))
                : new BigDecimal(q.multiply(BigInteger.valueOf(5).pow(-e)), -e);
        return sign < 0 ? r.negate() : r;
    }

    /** {quotient, remainder, divisor} of num / (den * 2^e), the scaling moved to num when e < 0. */
    private static BigInteger[] divide(BigInteger num, BigInteger den, int e) {
        BigInteger n = e < 0 ? num.shiftLeft(-e) : num;
        BigInteger d = e > 0 ? den.shiftLeft(e) : den;
        BigInteger[] qr = n.divideAndRemainder(d);
        return new BigInteger[] {qr[0], qr[1], d};
    }

    /** strtold's decimal syntax over the whole string; null when it does not match. */
    private static BigDecimal parseDecimal(String s) {
        int n = s.length();
        int i = 0;
        int digits = 0;
        StringBuilder mantissa = new StringBuilder(n);
        int fractionDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            mantissa.append(s.charAt(i++));
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                mantissa.append(s.charAt(i++));
                digits++;
                fractionDigits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        long exponent = 0;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean negative = false;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negative = s.charAt(i) == '-';
                i++;
            }
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                if (exponent < 1_000_000_000L) {
                    exponent = exponent * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            if (negative) {
                exponent = -exponent;
            }
        }
        if (i != n) {
            return null;
        }
        BigInteger unscaled = new BigInteger(mantissa.toString());
        if (unscaled.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long scale = fractionDigits - exponent;
        // Far outside the range: keep the scale representable, round() decides.
        scale = Math.max(-100_000, Math.min(100_000, scale));
        return new BigDecimal(unscaled, (int) scale);
    }

    /** strtold's hex syntax after the "0x"; null when it does not match. */
    private static BigDecimal parseHex(String s) {
        int n = s.length();
        int i = 0;
        int digits = 0;
        StringBuilder mantissa = new StringBuilder(n);
        int fractionDigits = 0;
        while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
            mantissa.append(s.charAt(i++));
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
                mantissa.append(s.charAt(i++));
                digits++;
                fractionDigits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        long exponent = 0;
        if (i < n && (s.charAt(i) == 'p' || s.charAt(i) == 'P')) {
            i++;
            boolean negative = false;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negative = s.charAt(i) == '-';
                i++;
            }
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                if (exponent < 1_000_000_000L) {
                    exponent = exponent * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            if (negative) {
                exponent = -exponent;
            }
        }
        if (i != n) {
            return null;
        }
        BigInteger m = new BigInteger(mantissa.toString(), 16);
        if (m.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long binaryExponent = exponent - 4L * fractionDigits;
        long top = binaryExponent + m.bitLength();
        if (top > MAX_BINARY_EXPONENT + 1) {
            return new BigDecimal(BigInteger.ONE, -5000); // certainly overflows
        }
        if (top < MIN_EXPONENT - 2) {
            return new BigDecimal(BigInteger.ONE, 5000); // certainly underflows to zero
        }
        int be = (int) binaryExponent;
        return be >= 0
                ? new BigDecimal(m.shiftLeft(be))
                : new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-be)), -be);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
