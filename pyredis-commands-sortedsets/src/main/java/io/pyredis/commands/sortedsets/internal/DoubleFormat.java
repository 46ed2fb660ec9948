package io.pyredis.commands.sortedsets.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C's {@code printf("%.17g")} as glibc prints it: what Redis 7.0 prints scores with where they are plain strings (ZSCAN). A copy of the protocol module's, as packs depend on the api only. */
public final class DoubleFormat {

    private static final int PRECISION = 17;
    private static final MathContext MC = new MathContext(PRECISION, RoundingMode.HALF_EVEN);

    private DoubleFormat() {
    }

    /**
     * {@code value} as {@code %.17g}: 17 significant digits, exact decimal rounding (half even,
     * as glibc), fixed notation for decimal exponents -4..16, else {@code d.ddde+XX}; trailing
     * zeros dropped. Infinities are {@code inf}/{@code -inf}, NaN {@code nan} or {@code -nan}.
     */
    public static String format(double value) {
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
        if (l == value && Math.abs(value) < 1e17) {
            // Exact in at most 17 digits: %.17g prints the integer itself.
            return Long.toString(l);
        }
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(MC);
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
        if (exp >= -4 && exp < PRECISION) {
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
}
