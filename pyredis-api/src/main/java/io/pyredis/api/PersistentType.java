package io.pyredis.api;

import java.util.function.Consumer;

/**
 * A plugin's own data type that survives RDB snapshots, DUMP/RESTORE and AOF rewrites,
 * as a Redis module type does ({@code RedisModule_CreateDataType}). A pack declares it in
 * {@link CommandPack#dataTypes()}, and its values return it from
 * {@link RedisValue#type()}: TYPE then replies {@link #name()}.
 *
 * <p>The file format is Redis's own for module types, so a pyredis RDB holding such
 * values loads in a Redis that has an equivalent module (same name, same payload), and a
 * Redis without it refuses the file naming the type. A value is written as RDB object
 * type 7 ({@code RDB_TYPE_MODULE_2}), the 64-bit module id (the 9 characters of
 * {@link #name()} in 6 bits each, then {@link #encodingVersion()} in 10 bits), whatever
 * {@link #save} writes (each item behind its opcode), and an end marker.
 *
 * <pre>{@code
 * final class Ring implements RedisValue { ... public DataType type() { return RingType.INSTANCE; } }
 *
 * final class RingType implements PersistentType<Ring> {
 *     public String name() { return "ring-buff"; }
 *     public int encodingVersion() { return 1; }
 *     public Class<Ring> valueClass() { return Ring.class; }
 *     public void save(Ring r, RdbOutput out) { out.writeUnsigned(r.size()); ... }
 *     public Ring load(RdbInput in, int encodingVersion) { long n = in.readUnsigned(); ... }
 *     public void rewrite(byte[] key, Ring r, Consumer<byte[][]> emit) { emit.accept(...RING.PUSH...); }
 * }
 * }</pre>
 *
 * <p>OBJECT ENCODING replies {@link RedisValue#encoding()}; Redis replies {@code "raw"}
 * for every module value, which is the unsurprising choice.
 *
 * @param <V> the class of this type's values
 * @since 0.1
 */
public interface PersistentType<V extends RedisValue> extends DataType {

    /**
     * The type's name: exactly 9 characters from {@code A-Z a-z 0-9 - _}, unique on the
     * server (as Redis requires of module type names; {@code "AAAAAAAAA"} with encoding
     * version 0 is refused, its id being 0). TYPE replies it. Pick one unlikely to clash,
     * such as {@code "MyType-01"}: it is what identifies the data in files.
     */
    @Override
    String name();

    /**
     * The version of the format {@link #save} writes, 0 to 1023. Raise it when the
     * format changes; {@link #load} is given the version a value was written with.
     */
    int encodingVersion();

    /** The class of the values of this type ({@link #save} and {@link #rewrite} get only these). */
    Class<V> valueClass();

    /**
     * Writes {@code value} (Redis's {@code rdb_save} callback). Only the calls on
     * {@code out} are stored; {@link #load} must read the same items in the same order.
     * Runs on the server's thread, maybe while a snapshot is taken: do not change
     * {@code value}.
     */
    void save(V value, RdbOutput out);

    /**
     * Reads a value {@link #save} wrote (Redis's {@code rdb_load} callback), from a file,
     * a RESTORE payload or a replica's stream: all of them may be corrupt or hostile.
     * Check every number read before trusting it and do not allocate by a count read
     * (grow as items arrive: reading past the end of the input fails anyway).
     *
     * @param encodingVersion the {@link #encodingVersion()} the value was written with,
     *                        which may be older (or, from a newer plugin, newer) than yours
     * @return the value, of {@link #valueClass()}; {@code null} when the data is not valid
     * @throws RuntimeException (any, such as {@link IllegalArgumentException}) when the
     *                          data is not valid: it becomes RESTORE's
     *                          {@code ERR Bad data format}, or an RDB load error naming
     *                          the file and offset. Once a read on {@code in} has failed
     *                          the value is refused whatever this method returns.
     */
    V load(RdbInput in, int encodingVersion);

    /**
     * Emits the commands that recreate {@code value} under {@code key} (Redis's
     * {@code aof_rewrite} callback, {@code RedisModule_EmitAOF}): each array passed to
     * {@code emit} is one command, name first, run in the key's database on an empty
     * key. Used when the append-only file is rewritten as commands. Emit big values as
     * several commands of bounded size, as Redis does (64 items a command).
     */
    void rewrite(byte[] key, V value, Consumer<byte[][]> emit);
}
