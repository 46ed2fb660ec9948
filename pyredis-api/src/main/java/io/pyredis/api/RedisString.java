package io.pyredis.api;

import java.nio.charset.StandardCharsets;

/**
 * A string value: binary-safe bytes. The array {@link #bytes()} returns is never changed
 * once handed out, by the maker or by anyone who reads it; a {@link GrowableString} is
 * changed in place by write commands, but never in an array it handed out.
 *
 * @since 0.1
 */
public interface RedisString extends RedisValue {

    /** Redis keeps strings of up to this many bytes in one allocation with the object. */
    int EMBSTR_LIMIT = 44;

    /** The bytes; do not modify them. */
    byte[] bytes();

    /**
     * The array holding the bytes, which may be longer than the value: the value is its
     * first {@link #length()} bytes. Never copies; valid until the value next changes (a
     * {@link GrowableString} may change in place); do not modify it. For readers that
     * reply or scan at once, as GET and BITCOUNT do. The default is {@link #bytes()}.
     *
     * @since 0.1
     */
    default byte[] array() {
        return bytes();
    }

    /** The length in bytes. */
    default int length() {
        return bytes().length;
    }

    @Override
    default DataType type() {
        return DataType.STRING;
    }

    @Override
    default String encoding() {
        byte[] b = bytes();
        if (b.length <= 20 && isCanonicalLong(b)) {
            return "int";
        }
        return b.length <= EMBSTR_LIMIT ? "embstr" : "raw";
    }

    /**
     * {@inheritDoc}
     *
     * <p>Strings other than a {@link GrowableString} are immutable, so this is the value itself.
     *
     * @since 0.1
     */
    @Override
    default RedisString copy() {
        return this;
    }

    /** A string of {@code bytes}, which the caller hands over and never changes again. */
    static RedisString of(byte[] bytes) {
        return new StringValue(bytes);
    }

    /**
     * A string Redis keeps as a growable sds once a command changed it in place (APPEND
     * and SETRANGE on an existing key, SETRANGE creating one): encoding {@code raw}
     * whatever its length or content, until it is stored anew. It is a {@link GrowableString},
     * which the command that stored it may change in place afterwards.
     *
     * @since 0.1
     */
    static RedisString raw(byte[] bytes) {
        return GrowableString.of(bytes);
    }

    /**
     * A string Redis stores without trying an integer encoding (INCRBYFLOAT's result):
     * {@code embstr} up to {@link #EMBSTR_LIMIT} bytes, else {@code raw}.
     *
     * @since 0.1
     */
    static RedisString notEncoded(byte[] bytes) {
        return new EncodedString(bytes, bytes.length <= EMBSTR_LIMIT ? "embstr" : "raw");
    }

    /** A string of the UTF-8 bytes of {@code text}. */
    static RedisString of(String text) {
        return new StringValue(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A string of the decimal digits of {@code value}. */
    static RedisString of(long value) {
        return new StringValue(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code b} is exactly the decimal form Redis stores as an {@code int} encoding. */
    private static boolean isCanonicalLong(byte[] b) {
        String text = new String(b, StandardCharsets.US_ASCII);
        try {
            return Long.toString(Long.parseLong(text)).equals(text);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
