package io.pyredis.commands.strings;

import io.pyredis.api.RedisError;

/** Error replies of this pack that the api does not already share, verbatim from Redis 7.0. */
final class Errors {

    static final RedisError DECREMENT_OVERFLOW = new RedisError("ERR decrement would overflow");
    static final RedisError OFFSET_OUT_OF_RANGE = new RedisError("ERR offset is out of range");
    static final RedisError NAN_OR_INFINITY = new RedisError("ERR increment would produce NaN or Infinity");
    static final RedisError LCS_NOT_STRINGS = new RedisError("ERR The specified keys must contain string values");
    static final RedisError LCS_LEN_AND_IDX =
            new RedisError("ERR If you want both the length and indexes, please just use IDX.");
    static final RedisError LCS_TOO_MUCH_MEMORY =
            new RedisError("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
    static final RedisError LCS_ALLOCATION_FAILED =
            new RedisError("ERR Insufficient memory, failed allocating transient memory for LCS");

    private Errors() {
    }

    /** Redis's arity error, for the commands that check their argument count themselves (MSET). */
    static RedisError wrongArity(String command) {
        return new RedisError("ERR wrong number of arguments for '" + command + "' command");
    }
}
