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
}
