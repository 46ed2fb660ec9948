package io.pyredis.commands.hashes;

import io.pyredis.api.RedisError;

/** Error replies of this pack that the api does not already share, verbatim from Redis 7.0. */
final class Errors {

    static final RedisError HASH_NOT_INTEGER = new RedisError("ERR hash value is not an integer");
    static final RedisError HASH_NOT_FLOAT = new RedisError("ERR hash value is not a float");
    static final RedisError NAN_OR_INFINITY = new RedisError("ERR value is NaN or Infinity");
    static final RedisError WOULD_PRODUCE_NAN_OR_INFINITY =
            new RedisError("ERR increment would produce NaN or Infinity");
    /** getRangeLongFromObjectOrReply(-LONG_MAX, LONG_MAX): LLONG_MIN has no positive twin. */
    static final RedisError COUNT_OUT_OF_RANGE = new RedisError(
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
    static final RedisError OUT_OF_RANGE = new RedisError("ERR value is out of range");

    private Errors() {
    }

    /** Redis's arity error, for the commands that check their argument count themselves. */
    static RedisError wrongArity(String command) {
        return new RedisError("ERR wrong number of arguments for '" + command + "' command");
    }
}
