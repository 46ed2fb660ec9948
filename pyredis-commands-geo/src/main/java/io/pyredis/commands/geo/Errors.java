package io.pyredis.commands.geo;

import io.pyredis.api.RedisError;

/** Error replies of this pack, verbatim from Redis 7.0's geo.c. */
final class Errors {

    static final RedisError UNSUPPORTED_UNIT = new RedisError("ERR unsupported unit provided. please use M, KM, FT, MI");
    static final RedisError NEED_NUMERIC_RADIUS = new RedisError("ERR need numeric radius");
    static final RedisError RADIUS_NEGATIVE = new RedisError("ERR radius cannot be negative");
    static final RedisError NEED_NUMERIC_WIDTH = new RedisError("ERR need numeric width");
    static final RedisError NEED_NUMERIC_HEIGHT = new RedisError("ERR need numeric height");
    static final RedisError BOX_NEGATIVE = new RedisError("ERR height or width cannot be negative");
    static final RedisError NO_MEMBER = new RedisError("ERR could not decode requested zset member");
    static final RedisError COUNT = new RedisError("ERR COUNT must be > 0");
    static final RedisError ANY_NEEDS_COUNT = new RedisError("ERR the ANY argument requires COUNT argument");

    private Errors() {
    }

    /** {@code ERR invalid longitude,latitude pair 200.000000,100.000000} */
    static RedisError invalidPair(double longitude, double latitude) {
        return new RedisError("ERR invalid longitude,latitude pair " + GeoFormat.fixed6(longitude) + ","
                + GeoFormat.fixed6(latitude));
    }

    /** STORE or GEOSEARCHSTORE with WITHDIST, WITHHASH or WITHCOORD. */
    static RedisError storeIncompatible(boolean geosearch) {
        return new RedisError("ERR " + (geosearch ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS")
                + " is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
    }

    /** GEOSEARCH without FROMMEMBER or FROMLONLAT; {@code command} as the client wrote it. */
    static RedisError needsFrom(String command) {
        return new RedisError("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for " + command);
    }

    /** GEOSEARCH without BYRADIUS or BYBOX. */
    static RedisError needsBy(String command) {
        return new RedisError("ERR exactly one of BYRADIUS and BYBOX can be specified for " + command);
    }
}
