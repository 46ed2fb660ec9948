package io.pyredis.commands.lists;

import io.pyredis.api.RedisError;

/** Error replies of this pack that the api does not already share, verbatim from Redis 7.0. */
final class Errors {

    static final RedisError MUST_BE_POSITIVE = new RedisError("ERR value is out of range, must be positive");
    static final RedisError RANK_ZERO = new RedisError("ERR RANK can't be zero: use 1 to start from the first "
            + "match, 2 from the second ... or use negative to start from the end of the list");
    static final RedisError COUNT_NEGATIVE = new RedisError("ERR COUNT can't be negative");
    static final RedisError MAXLEN_NEGATIVE = new RedisError("ERR MAXLEN can't be negative");
    static final RedisError NUMKEYS = new RedisError("ERR numkeys should be greater than 0");
    static final RedisError COUNT_POSITIVE = new RedisError("ERR count should be greater than 0");
    static final RedisError TIMEOUT_NOT_FLOAT = new RedisError("ERR timeout is not a float or out of range");
    static final RedisError TIMEOUT_NEGATIVE = new RedisError("ERR timeout is negative");

    private Errors() {
    }

    /** Redis's arity error, for LPOP/RPOP which check their argument count themselves. */
    static RedisError wrongArity(String command) {
        return new RedisError("ERR wrong number of arguments for '" + command + "' command");
    }
}
