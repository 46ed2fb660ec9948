package io.pyredis.api;

/**
 * Where {@link PersistentType#save} writes a value: a sequence of typed items, each
 * stored behind its opcode exactly as Redis's {@code RedisModule_Save*} functions store
 * them (so the bytes are those a Redis module writing the same calls would produce).
 *
 * @since 0.1
 */
public interface RdbOutput {

    /** {@code RedisModule_SaveUnsigned}: a 64-bit value taken as unsigned. */
    void writeUnsigned(long value);

    /**
     * {@code RedisModule_SaveSigned}: a 64-bit signed value. Stored as Redis does, as the
     * unsigned item of the same bits, so it reads back with either
     * {@link RdbInput#readSigned()} or {@link RdbInput#readUnsigned()}.
     */
    void writeSigned(long value);

    /** {@code RedisModule_SaveDouble}: the 8 bytes of {@code value}. */
    void writeDouble(double value);

    /** {@code RedisModule_SaveFloat}: the 4 bytes of {@code value}. */
    void writeFloat(float value);

    /** {@code RedisModule_SaveStringBuffer}: a binary-safe string (the array is not kept). */
    void writeBytes(byte[] value);

    /** {@link #writeBytes} of the UTF-8 bytes of {@code value}. */
    default void writeString(String value) {
        writeBytes(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
