package io.pyredis.api;

/**
 * A value stored under a key.
 *
 * @since 0.1
 */
public interface RedisValue {

    /** Its type, which TYPE reports and WRONGTYPE checks compare. */
    DataType type();

    /** Its encoding, as OBJECT ENCODING reports it ({@code "embstr"}, {@code "int"}, ...). */
    String encoding();

    /**
     * A copy that shares nothing mutable with this value, as COPY stores under the new
     * key. An immutable value may return itself. The default throws
     * {@link UnsupportedOperationException}, which COPY reports as Redis does for a module
     * type without a copy callback ({@code ERR not supported for this module type}).
     *
     * @since 0.1
     */
    default RedisValue copy() {
        throw new UnsupportedOperationException("no copy for type " + type().name());
    }
}
