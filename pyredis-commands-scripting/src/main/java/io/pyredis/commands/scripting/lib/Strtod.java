package io.pyredis.commands.scripting.lib;

/**
 * C's strtod as glibc reads a number at a position of a byte string: a sign, then decimal digits
 * with a fraction and exponent, a hexadecimal float ({@code 0x1.8p3}), {@code inf}/{@code infinity}
 * or {@code nan}/{@code nan(chars)}, case-insensitive. cjson decodes numbers with it.
 */
final class Strtod {

    private Strtod() {
    }

    private static int at(byte[] s, int i) {
        return i < s.length ? s[i] & 0xff : 0;
    }

    private static boolean word(byte[] s, int p, String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.toLowerCase(at(s, p + i)) != w.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    /**
     * The number at {@code start}; {@code end[0]} is set past its last character, or to
     * {@code start} when there is none (the value is then 0).
     */
    static double parse(byte[] s, int start, int[] end) {
        int p = start;
        while (at(s, p) == ' ' || (at(s, p) >= '\t' && at(s, p) <= '\r')) {
            p++;
        }
        boolean negative = false;
        if (at(s, p) == '+' || at(s, p) == '-') {
            negative = at(s, p) == '-';
            p++;
        }
        double sign = negative ? -1 : 1;
        if (word(s, p, "inf")) {
            end[0] = word(s, p, "infinity") ? p + 8 : p + 3;
            return sign * Double.POSITIVE_INFINITY;
        }
        if (word(s, p, "nan")) {
            p += 3;
            if (at(s, p) == '(') {
                int q = p + 1;
                while (Character.isLetterOrDigit(at(s, q)) && at(s, q) < 128 || at(s, q) == '_') {
                    q++;
                }
                if (at(s, q) == ')') {
                    p = q + 1;
                }
            }
            end[0] = p;
            return negative ? -Double.NaN : Double.NaN;
        }
        if (at(s, p) == '0' && (at(s, p + 1) | 0x20) == 'x'
                && (isHex(at(s, p + 2)) || (at(s, p + 2) == '.' && isHex(at(s, p + 3))))) {
            return hex(s, p + 2, sign, end);
        }
        int digitsStart = p;
        int digits = 0;
        while (isDigit(at(s, p))) {
            p++;
            digits++;
        }
        if (at(s, p) == '.') {
            p++;
            while (isDigit(at(s, p))) {
                p++;
                digits++;
            }
        }
        if (digits == 0) {
            end[0] = start;
            return 0;
        }
        p = exponent(s, p, 'e');
        end[0] = p;
        String text = new String(s, digitsStart, p - digitsStart, java.nio.charset.StandardCharsets.US_ASCII);
        return sign * Double.parseDouble(text);
    }

    /** Past an exponent ({@code e}/{@code p}, optional sign, digits) at {@code p}, if there is one. */
    private static int exponent(byte[] s, int p, char letter) {
        if ((at(s, p) | 0x20) == letter) {
            int q = p + 1;
            if (at(s, q) == '+' || at(s, q) == '-') {
                q++;
            }
            if (isDigit(at(s, q))) {
                while (isDigit(at(s, q))) {
                    q++;
                }
                return q;
            }
        }
        return p;
    }

    private static double hex(byte[] s, int p, double sign, int[] end) {
        int from = p;
        while (isHex(at(s, p))) {
            p++;
        }
        String mantissa = new String(s, from, p - from, java.nio.charset.StandardCharsets.US_ASCII);
        if (at(s, p) == '.') {
            int f = ++p;
            while (isHex(at(s, p))) {
                p++;
            }
            mantissa = mantissa + "." + new String(s, f, p - f, java.nio.charset.StandardCharsets.US_ASCII);
        }
        int e = exponent(s, p, 'p');
        String exp = e > p ? new String(s, p + 1, e - p - 1, java.nio.charset.StandardCharsets.US_ASCII) : "0";
        end[0] = e;
        if (mantissa.startsWith(".")) {
            mantissa = "0" + mantissa;
        }
        try {
            return sign * Double.parseDouble("0x" + mantissa + "p" + exp);
        } catch (NumberFormatException outOfIntRange) {
            // an exponent beyond int: the value over- or underflows as strtod's does
            return exp.startsWith("-") ? sign * 0.0 : sign * Double.POSITIVE_INFINITY;
        }
    }
}
