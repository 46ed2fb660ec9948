package io.pyredis.api;

/**
 * Where {@link PersistentType#load} reads a value from: the items {@link RdbOutput}
 * wrote, in order, as Redis's {@code RedisModule_Load*} functions read them.
 *
 * <p>Every read checks that the next item is of the kind asked for and lies within the
 * input; when it is not, the read throws an unchecked exception and the whole value is
 * refused (even if {@code load} catches the exception and returns something). A string
 * longer than what is left of the input is refused before anything is allocated.
 *
 * @since 0.1
 */
public interface RdbInput {

    /** {@code RedisModule_LoadUnsigned}: the next item, an unsigned 64-bit value. */
    long readUnsigned();

    /** {@code RedisModule_LoadSigned}: the next item, a signed 64-bit value. */
    long readSigned();

    /** {@code RedisModule_LoadDouble}: the next item, a double. */
    double readDouble();

    /** {@code RedisModule_LoadFloat}: the next item, a float. */
    float readFloat();

    /** {@code RedisModule_LoadStringBuffer}: the next item, a string (a new array). */
    byte[] readBytes();

    /** {@link #readBytes} decoded as UTF-8 (malformed bytes become U+FFFD). */
    default String readString() {
        return new String(readBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
