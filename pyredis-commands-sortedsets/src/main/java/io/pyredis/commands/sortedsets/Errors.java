package io.pyredis.commands.sortedsets;

import io.pyredis.api.RedisError;

/** Error replies of this pack that the api does not already share, verbatim from Redis 7.0. */
final class Errors {

    static final RedisError NAN_SCORE = new RedisError("ERR resulting score is not a number (NaN)");
    static final RedisError MIN_MAX_NOT_FLOAT = new RedisError("ERR min or max is not a float");
    static final RedisError MIN_MAX_NOT_LEX = new RedisError("ERR min or max not valid string range item");
    static final RedisError XX_AND_NX = new RedisError("ERR XX and NX options at the same time are not compatible");
    static final RedisError GT_LT_NX = new RedisError("ERR GT, LT, and/or NX options at the same time are not compatible");
    static final RedisError INCR_SINGLE_PAIR = new RedisError("ERR INCR option supports a single increment-element pair");
    static final RedisError LIMIT_NEEDS_BY = new RedisError(
            "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
    static final RedisError WITHSCORES_BYLEX = new RedisError(
            "ERR syntax error, WITHSCORES not supported in combination with BYLEX");
    static final RedisError MUST_BE_POSITIVE = new RedisError("ERR value is out of range, must be positive");
    static final RedisError OUT_OF_RANGE = new RedisError("ERR value is out of range");
    static final RedisError RANDMEMBER_RANGE = new RedisError(
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
    static final RedisError NUMKEYS = new RedisError("ERR numkeys should be greater than 0");
    static final RedisError COUNT = new RedisError("ERR count should be greater than 0");
    static final RedisError WEIGHT = new RedisError("ERR weight value is not a float");
    static final RedisError LIMIT_NEGATIVE = new RedisError("ERR LIMIT can't be negative");
    static final RedisError TIMEOUT_NOT_FLOAT = new RedisError("ERR timeout is not a float or out of range");
    static final RedisError TIMEOUT_NEGATIVE = new RedisError("ERR timeout is negative");

    private Errors() {
    }

    /** {@code ERR at least 1 input key is needed for 'zunion' command} */
    static RedisError needsInputKey(String command) {
        return new RedisError("ERR at least 1 input key is needed for '" + command + "' command");
    }
}
