package io.pyredis.commands.sets;

import io.pyredis.api.RedisError;

/** Error replies of this pack that the api does not already share, verbatim from Redis 7.0. */
final class Errors {

    /** getRangeLongFromObjectOrReply(-LONG_MAX, LONG_MAX): LLONG_MIN has no positive twin. */
    static final RedisError COUNT_OUT_OF_RANGE = new RedisError(
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
    static final RedisError OUT_OF_RANGE = new RedisError("ERR value is out of range");
    static final RedisError MUST_BE_POSITIVE = new RedisError("ERR value is out of range, must be positive");
    static final RedisError NUMKEYS = new RedisError("ERR numkeys should be greater than 0");
    static final RedisError TOO_MANY_KEYS = new RedisError("ERR Number of keys can't be greater than number of args");
    static final RedisError NEGATIVE_LIMIT = new RedisError("ERR LIMIT can't be negative");

    private Errors() {
    }
}
