package io.pyredis.api;

/**
 * A kind of value: the built-in ones below, or a plugin's own. Its name is what TYPE
 * replies.
 *
 * @since 0.1
 */
public interface DataType {

    /** The built-in string type. */
    DataType STRING = () -> "string";
    /** The built-in list type. */
    DataType LIST = () -> "list";
    /** The built-in hash type. */
    DataType HASH = () -> "hash";
    /** The built-in set type. */
    DataType SET = () -> "set";
    /** The built-in sorted set type. */
    DataType ZSET = () -> "zset";
    /**
     * The built-in stream type.
     *
     * @since 0.1
     */
    DataType STREAM = () -> "stream";

    /** The name TYPE replies, such as {@code "string"}. */
    String name();
}
