package io.pyredis.commands.bitmaps;

import io.pyredis.api.RedisError;

/** Error replies of this pack, verbatim from Redis 7.0's bitops.c. */
final class Errors {

    static final RedisError BIT_OFFSET = new RedisError("ERR bit offset is not an integer or out of range");
    static final RedisError BIT_VALUE = new RedisError("ERR bit is not an integer or out of range");
    static final RedisError BITFIELD_TYPE = new RedisError(
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");
    static final RedisError OVERFLOW_TYPE = new RedisError("ERR Invalid OVERFLOW type specified");
    static final RedisError BITFIELD_RO_WRITE = new RedisError("ERR BITFIELD_RO only supports the GET subcommand");
    static final RedisError BITOP_NOT_ONE_KEY = new RedisError("ERR BITOP NOT must be called with a single source key.");
    static final RedisError BITPOS_BIT = new RedisError("ERR The bit argument must be 1 or 0.");

    private Errors() {
    }
}
