package io.pyredis.commands.hyperloglog;

import io.pyredis.api.RedisError;

/** Error replies of this pack, verbatim from Redis 7.0's hyperloglog.c. */
final class Errors {

    /** isHLLObjectOrReply: a string that is not shaped as an HLL. */
    static final RedisError NOT_HLL = new RedisError("WRONGTYPE Key is not a valid HyperLogLog string value.");
    /** A sparse representation whose runs do not cover the registers. */
    static final RedisError INVALID_HLL = new RedisError("INVALIDOBJ Corrupted HLL object detected");
    static final RedisError NO_SUCH_KEY = new RedisError("ERR The specified key does not exist");
    static final RedisError NOT_SPARSE = new RedisError("ERR HLL encoding is not sparse");

    private Errors() {
    }

    static RedisError unknownDebugSubcommand(String sub) {
        return new RedisError("ERR Unknown PFDEBUG subcommand '" + sub + "'");
    }
}
