package io.pyredis.example.args;

import io.pyredis.api.RedisError;

import java.nio.charset.StandardCharsets;

/**
 * Integer arguments, read as Redis reads them ({@code string2ll}): an optional minus sign
 * and decimal digits, no spaces, no plus sign, no leading zeros, within 64 bits. A plugin
 * needs nothing but pyredis-api, so it brings its own few lines for this.
 */
public final class Integers {

    private Integers() {
    }

    /**
     * The value of {@code arg}.
     *
     * @throws RedisError {@link RedisError#NOT_INTEGER} when it is not such an integer
     */
    public static long parse(byte[] arg) {
        String text = new String(arg, StandardCharsets.US_ASCII);
        try {
            long v = Long.parseLong(text);
            // Long.parseLong also takes "+5" and "007"; Redis does not.
            if (Long.toString(v).equals(text)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // not a number: the same reply as out of range
        }
        throw RedisError.NOT_INTEGER;
    }
}
