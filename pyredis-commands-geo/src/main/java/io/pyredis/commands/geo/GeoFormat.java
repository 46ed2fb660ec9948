package io.pyredis.commands.geo;

import io.pyredis.api.RedisSortedSet;
import io.pyredis.support.Keywords;
import io.pyredis.support.LongDouble;
import io.pyredis.support.Numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Argument parsing and number printing shared by the geo commands, as geo.c and util.c do them. */
final class GeoFormat {

    private static final byte[] ZERO_DISTANCE = {'0', '.', '0', '0', '0', '0'};

    private GeoFormat() {
    }

    /**
     * extractLongLatOrReply: {@code args[at]} longitude and {@code args[at + 1]} latitude
     * into {@code xy}, both parsed before the range is checked.
     */
    static void longLat(byte[][] args, int at, double[] xy) {
        double lon = Numbers.parseDouble(args[at]);
        double lat = Numbers.parseDouble(args[at + 1]);
        if (!GeoHash.valid(lon, lat)) {
            throw Errors.invalidPair(lon, lat);
        }
        xy[0] = lon;
        xy[1] = lat;
    }

    /**
     * longLatFromMember: the coordinates of {@code member} into {@code xy} (4 slots); false
     * when it is not in {@code z}.
     */
    static boolean longLatOf(RedisSortedSet z, byte[] member, double[] xy) {
        double score = z.score(member);
        if (Double.isNaN(score)) {
            return false;
        }
        GeoHash.decodeScore(score, xy);
        return true;
    }

    /** extractUnitOrReply: meters per unit. */
    static double unit(byte[] u) {
        if (Keywords.is(u, "m")) {
            return 1;
        } else if (Keywords.is(u, "km")) {
            return 1000;
        } else if (Keywords.is(u, "ft")) {
            return 0.3048;
        } else if (Keywords.is(u, "mi")) {
            return 1609.34;
        }
        throw Errors.UNSUPPORTED_UNIT;
    }

    /**
     * addReplyDoubleDistance's text: fixedpoint_d2string with 4 decimals ({@code llrint} of
     * the value times 10000, ties to even; out of range, NaN included, gives LLONG_MIN).
     */
    static byte[] distance(double d) {
        if (d == 0) {
            return ZERO_DISTANCE.clone();
        }
        long v = GeoHash.cvttsd2si(Math.rint(d * 10000.0));
        boolean negative = v < 0;
        String digits = negative ? Long.toUnsignedString(-v) : Long.toString(v);
        int n = Math.max(digits.length(), 5); // at least 0.0000
        byte[] out = new byte[(negative ? 1 : 0) + n + 1];
        int o = 0;
        if (negative) {
            out[o++] = '-';
        }
        int pad = n - digits.length();
        for (int i = 0; i < n; i++) {
            if (i == n - 4) {
                out[o++] = '.';
            }
            out[o++] = i < pad ? (byte) '0' : (byte) digits.charAt(i - pad);
        }
        return out;
    }

    /** addReplyHumanLongDouble's text: {@code %.17Lf} of the double, trailing zeros dropped. */
    static String human(double d) {
        return new String(LongDouble.format(new BigDecimal(d)), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** C's {@code %f}: 6 decimals of the exact value, ties to even; {@code inf}, {@code -0.000000}. */
    static String fixed6(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (Double.isNaN(d)) {
            return "nan";
        }
        String s = new BigDecimal(Math.abs(d)).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        return (Double.doubleToRawLongBits(d) < 0 ? "-" : "") + s;
    }
}
