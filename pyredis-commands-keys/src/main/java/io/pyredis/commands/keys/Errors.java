package io.pyredis.commands.keys;

import io.pyredis.support.Numbers;
import io.pyredis.api.RedisError;

/** Error replies of this pack that the api does not already share, verbatim from Redis 7.0. */
final class Errors {

    static final RedisError SAME_OBJECT = new RedisError("ERR source and destination objects are the same");
    static final RedisError INT_OUT_OF_RANGE =
            new RedisError("ERR value is out of range, value must between -2147483648 and 2147483647");
    static final RedisError NX_AND_OTHERS =
            new RedisError("ERR NX and XX, GT or LT options at the same time are not compatible");
    static final RedisError GT_AND_LT = new RedisError("ERR GT and LT options at the same time are not compatible");
    static final RedisError INVALID_FIRST_DB = new RedisError("ERR invalid first DB index");
    static final RedisError INVALID_SECOND_DB = new RedisError("ERR invalid second DB index");
    static final RedisError LFU_NOT_SELECTED = new RedisError("ERR An LFU maxmemory policy is not selected,"
            + " access frequency not tracked. Please note that when switching between policies at runtime LRU and"
            + " LFU data will take some time to adjust.");
    static final RedisError LFU_SELECTED = new RedisError("ERR An LFU maxmemory policy is selected,"
            + " idle time not tracked. Please note that when switching between policies at runtime LRU and"
            + " LFU data will take some time to adjust.");
    static final RedisError COPY_NOT_SUPPORTED = new RedisError("ERR not supported for this module type");

    private Errors() {
    }

    /**
     * Redis's getIntFromObjectOrReply: a 64-bit integer first, then the int range, each
     * with its own text.
     */
    static int parseInt(byte[] arg) {
        long v = Numbers.parseLong(arg);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw INT_OUT_OF_RANGE;
        }
        return (int) v;
    }

    /** getIntFromObjectOrReply with a caller's message: one text for every failure. */
    static int parseInt(byte[] arg, RedisError error) {
        long v = Numbers.parseLong(arg, error);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error;
        }
        return (int) v;
    }

    /** {@code ERR Unsupported option <opt>}, as the EXPIRE family words it. */
    static RedisError unsupportedOption(byte[] option) {
        return new RedisError("ERR Unsupported option " + new String(option, java.nio.charset.StandardCharsets.UTF_8));
    }
}
