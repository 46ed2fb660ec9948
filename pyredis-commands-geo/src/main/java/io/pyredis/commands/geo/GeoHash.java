package io.pyredis.commands.geo;

/**
 * Redis's geohash arithmetic (geohash.c and geohash_helper.c): the 52-bit interleaved hash
 * that is a member's score, its decoding back to coordinates, the neighbours of a box and
 * the haversine distance. Every expression keeps the order of operations of the C code, so
 * the same doubles come out and the same members are found and printed.
 *
 * <p>A hash is a {@code long} of {@code 2 * step} bits: latitude bits at the even positions,
 * longitude bits at the odd ones.
 */
final class GeoHash {

    /** 26 * 2 = 52 bits, the precision of a stored score. */
    static final int STEP_MAX = 26;

    /** Limits from EPSG:900913 / EPSG:3785 / OSGEO:41001: no geocoding at the poles. */
    static final double LAT_MIN = -85.05112878;
    static final double LAT_MAX = 85.05112878;
    static final double LONG_MIN = -180;
    static final double LONG_MAX = 180;

    /** Earth's quadratic mean radius for WGS-84, as Redis uses it. */
    static final double EARTH_RADIUS_IN_METERS = 6372797.560856;
    private static final double MERCATOR_MAX = 20037726.37;
    /** {@code M_PI / 180.0}, folded by the C compiler to this same double. */
    private static final double D_R = Math.PI / 180.0;

    private static final long EVEN = 0x5555555555555555L;
    private static final long ODD = 0xaaaaaaaaaaaaaaaaL;

    private GeoHash() {
    }

    static double degRad(double ang) {
        return ang * D_R;
    }

    static double radDeg(double ang) {
        return ang / D_R;
    }

    /** Interleaves the low 32 bits of {@code x} (even positions) and {@code y} (odd positions). */
    static long interleave64(long xlo, long ylo) {
        long x = xlo & 0xFFFFFFFFL;
        long y = ylo & 0xFFFFFFFFL;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
        y = (y | (y << 16)) & 0x0000FFFF0000FFFFL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFL;
        y = (y | (y << 8)) & 0x00FF00FF00FF00FFL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FL;
        y = (y | (y << 4)) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | (x << 2)) & 0x3333333333333333L;
        y = (y | (y << 2)) & 0x3333333333333333L;
        x = (x | (x << 1)) & EVEN;
        y = (y | (y << 1)) & EVEN;
        return x | (y << 1);
    }

    /** The inverse of {@link #interleave64}: even bits in the low half, odd bits in the high half. */
    static long deinterleave64(long interleaved) {
        long x = interleaved;
        long y = interleaved >>> 1;
        x = x & EVEN;
        y = y & EVEN;
        x = (x | (x >>> 1)) & 0x3333333333333333L;
        y = (y | (y >>> 1)) & 0x3333333333333333L;
        x = (x | (x >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        y = (y | (y >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | (x >>> 4)) & 0x00FF00FF00FF00FFL;
        y = (y | (y >>> 4)) & 0x00FF00FF00FF00FFL;
        x = (x | (x >>> 8)) & 0x0000FFFF0000FFFFL;
        y = (y | (y >>> 8)) & 0x0000FFFF0000FFFFL;
        x = (x | (x >>> 16)) & 0x00000000FFFFFFFFL;
        y = (y | (y >>> 16)) & 0x00000000FFFFFFFFL;
        return x | (y << 32);
    }

    /**
     * geohashEncode over the given ranges; the caller has checked the coordinates are
     * within Redis's limits (and the ranges).
     */
    static long encode(double longMin, double longMax, double latMin, double latMax,
                       double longitude, double latitude, int step) {
        double latOffset = (latitude - latMin) / (latMax - latMin);
        double longOffset = (longitude - longMin) / (longMax - longMin);
        latOffset *= (double) (1L << step);
        longOffset *= (double) (1L << step);
        return interleave64((long) latOffset, (long) longOffset);
    }

    /** geohashEncodeWGS84: a hash of {@code step} over Redis's coordinate range. */
    static long encodeWgs84(double longitude, double latitude, int step) {
        return encode(LONG_MIN, LONG_MAX, LAT_MIN, LAT_MAX, longitude, latitude, step);
    }

    /** Whether Redis accepts the pair (extractLongLatOrReply's check). */
    static boolean valid(double longitude, double latitude) {
        return !(longitude < LONG_MIN || longitude > LONG_MAX || latitude < LAT_MIN || latitude > LAT_MAX);
    }

    /** The score of a point: its 26-step hash aligned to 52 bits. */
    static long score(double longitude, double latitude) {
        return align52(encodeWgs84(longitude, latitude, STEP_MAX), STEP_MAX);
    }

    static long align52(long bits, int step) {
        return bits << (52 - step * 2);
    }

    /** The box a hash covers: {@code [longMin, longMax, latMin, latMax]}, as geohashDecode. */
    static void decode(long bits, int step, double[] area) {
        long sep = deinterleave64(bits);
        double latScale = LAT_MAX - LAT_MIN;
        double longScale = LONG_MAX - LONG_MIN;
        long ilato = sep & 0xFFFFFFFFL;
        long ilono = sep >>> 32;
        double cells = (double) (1L << step);
        // uint32_t arithmetic in C: the +1 wraps
        long ilato1 = (ilato + 1) & 0xFFFFFFFFL;
        long ilono1 = (ilono + 1) & 0xFFFFFFFFL;
        area[2] = LAT_MIN + (ilato * 1.0 / cells) * latScale;
        area[3] = LAT_MIN + (ilato1 * 1.0 / cells) * latScale;
        area[0] = LONG_MIN + (ilono * 1.0 / cells) * longScale;
        area[1] = LONG_MIN + (ilono1 * 1.0 / cells) * longScale;
    }

    /**
     * decodeGeohash: the coordinates of a score, {@code xy[0]} longitude and {@code xy[1]}
     * latitude, clamped to the limits; {@code xy} needs 4 slots (the box is decoded into it
     * first). Any score decodes: a user may ZADD anything.
     */
    static void decodeScore(double score, double[] xy) {
        decode(toUint64(score), STEP_MAX, xy);
        double x = (xy[0] + xy[1]) / 2;
        if (x > LONG_MAX) {
            x = LONG_MAX;
        }
        if (x < LONG_MIN) {
            x = LONG_MIN;
        }
        double y = (xy[2] + xy[3]) / 2;
        if (y > LAT_MAX) {
            y = LAT_MAX;
        }
        if (y < LAT_MIN) {
            y = LAT_MIN;
        }
        xy[0] = x;
        xy[1] = y;
    }

    /** C's {@code (uint64_t) d} as GCC compiles it on x86-64 (cvttsd2si, its "indefinite" out of range). */
    static long toUint64(double d) {
        final double two63 = 9.223372036854775808E18;
        if (d < two63 || Double.isNaN(d)) {
            return cvttsd2si(d);
        }
        return cvttsd2si(d - two63) ^ Long.MIN_VALUE;
    }

    /** C's {@code (long long) d} on x86-64: truncation, {@code LLONG_MIN} when out of range. */
    static long cvttsd2si(double d) {
        if (Double.isNaN(d) || d >= 9.223372036854775808E18 || d < -9.223372036854775808E18) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    /** geohash_move_x: the box {@code d} steps east (or west) of {@code bits}, wrapping. */
    static long moveX(long bits, int step, int d) {
        return move(bits, step, d, ODD, EVEN);
    }

    /** geohash_move_y: the box {@code d} steps north (or south) of {@code bits}, wrapping. */
    static long moveY(long bits, int step, int d) {
        return move(bits, step, d, EVEN, ODD);
    }

    /**
     * Steps the coordinate in the {@code moving} bits by one cell ({@code d} &gt; 0 up, &lt; 0
     * down), carrying through the {@code kept} bits' positions, as geohash_move_x/y do.
     */
    private static long move(long bits, int step, int d, long moving, long kept) {
        if (d == 0) {
            return bits;
        }
        long m = bits & moving;
        long k = bits & kept;
        long zz = kept >>> (64 - step * 2);
        if (d > 0) {
            m = m + (zz + 1);
        } else {
            m = m | zz;
            m = m - (zz + 1);
        }
        m &= moving >>> (64 - step * 2);
        return m | k;
    }

    /** geohashEstimateStepsByRadius: the step of the 9 boxes searched around a point. */
    static int estimateStepsByRadius(double rangeMeters, double lat) {
        if (rangeMeters == 0) {
            return 26;
        }
        int step = 1;
        while (rangeMeters < MERCATOR_MAX) {
            rangeMeters *= 2;
            step++;
        }
        step -= 2; // make sure the range is included in most of the base cases
        // wider range towards the poles
        if (lat > 66 || lat < -66) {
            step--;
            if (lat > 80 || lat < -80) {
                step--;
            }
        }
        if (step < 1) {
            step = 1;
        }
        if (step > 26) {
            step = 26;
        }
        return step;
    }

    /** geohashGetLatDistance: the distance along a meridian. */
    static double latDistance(double lat1d, double lat2d) {
        return EARTH_RADIUS_IN_METERS * Math.abs(degRad(lat2d) - degRad(lat1d));
    }

    /** geohashGetDistance: the haversine great-circle distance in meters. */
    static double distance(double lon1d, double lat1d, double lon2d, double lat2d) {
        double lon1r = degRad(lon1d);
        double lon2r = degRad(lon2d);
        double v = Math.sin((lon2r - lon1r) / 2);
        // same longitude: no need for the expensive part
        if (v == 0.0) {
            return latDistance(lat1d, lat2d);
        }
        double lat1r = degRad(lat1d);
        double lat2r = degRad(lat2d);
        double u = Math.sin((lat2r - lat1r) / 2);
        double a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
        return 2.0 * EARTH_RADIUS_IN_METERS * Math.asin(Math.sqrt(a));
    }
}
