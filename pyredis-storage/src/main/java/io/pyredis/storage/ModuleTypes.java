package io.pyredis.storage;

import io.pyredis.api.PersistentType;
import io.pyredis.api.RedisValue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The plugin data types RDB can load, by module id, as Redis keeps its modules' types:
 * what a file or RESTORE payload holding {@code RDB_TYPE_MODULE_2} values is read with.
 * Saving needs no registry (a value's {@link RedisValue#type()} is its
 * {@link PersistentType}); loading a value whose type is not here is refused with
 * Redis's {@code no matching module type} error.
 *
 * <p>Built once at start by the server from the packs' {@link
 * io.pyredis.api.CommandPack#dataTypes()}, then immutable: safe to share between threads.
 *
 * @since 0.1
 */
public final class ModuleTypes {

    /** No types: every module value is refused. */
    public static final ModuleTypes NONE = new ModuleTypes(Map.of());

    /** module.c's ModuleTypeNameCharSet: a character's index is its 6-bit code. */
    private static final String CHARSET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** By the upper 54 bits of the id (the name): the encoding version is the type's business. */
    private final Map<Long, PersistentType<?>> byName;

    private ModuleTypes(Map<Long, PersistentType<?>> byName) {
        this.byName = byName;
    }

    /**
     * A registry of {@code types}.
     *
     * @throws IllegalArgumentException naming the type, when one is invalid ({@link #check})
     *                                  or two have the same name
     */
    public static ModuleTypes of(Collection<? extends PersistentType<?>> types) {
        Map<Long, PersistentType<?>> m = new HashMap<>();
        for (PersistentType<?> t : types) {
            String problem = check(t);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            if (m.putIfAbsent(encodeId(t.name(), t.encodingVersion()) >>> 10, t) != null) {
                throw new IllegalArgumentException("data type '" + t.name() + "' is declared twice");
            }
        }
        return new ModuleTypes(Map.copyOf(m));
    }

    /**
     * Why {@code t} cannot be registered, or {@code null} when it can: a name of exactly
     * 9 characters from {@code A-Z a-z 0-9 - _}, an encoding version 0..1023, a value
     * class, and not the combination of id 0 ({@code "AAAAAAAAA"}, version 0), which
     * Redis reserves (RM_CreateDataType's rules).
     */
    public static String check(PersistentType<?> t) {
        if (t == null) {
            return "a data type is null";
        }
        String name;
        int encver;
        Class<?> cls;
        try {
            name = t.name();
            encver = t.encodingVersion();
            cls = t.valueClass();
        } catch (RuntimeException e) {
            return "data type " + t.getClass().getName() + " failed: " + e;
        }
        if (name == null || name.length() != 9 || !name.chars().allMatch(c -> CHARSET.indexOf(c) >= 0)) {
            return "data type " + (name == null ? "null" : "'" + name + "'") + " of " + t.getClass().getName()
                    + " has a bad name: a data type name is exactly 9 characters from A-Z a-z 0-9 - _";
        }
        if (encver < 0 || encver > 1023) {
            return "data type '" + name + "' has encoding version " + encver + ", not in 0..1023";
        }
        if (encodeId(name, encver) == 0) {
            return "data type '" + name + "' with encoding version 0 has module id 0, which is reserved";
        }
        if (cls == null) {
            return "data type '" + name + "' has no value class";
        }
        return null;
    }

    /** moduleTypeEncodeId: 9 characters of 6 bits, then 10 bits of encoding version. */
    public static long encodeId(String name, int encodingVersion) {
        if (name.length() != 9 || encodingVersion < 0 || encodingVersion > 1023) {
            throw new IllegalArgumentException("bad module type name or version: '" + name + "' " + encodingVersion);
        }
        long id = 0;
        for (int j = 0; j < 9; j++) {
            int pos = CHARSET.indexOf(name.charAt(j));
            if (pos < 0) {
                throw new IllegalArgumentException("bad module type name: '" + name + "'");
            }
            id = (id << 6) | pos;
        }
        return (id << 10) | encodingVersion;
    }

    /** moduleTypeNameByID: the 9-character name in a module id. */
    public static String nameOf(long moduleId) {
        char[] name = new char[9];
        long id = moduleId >>> 10;
        for (int j = 8; j >= 0; j--) {
            name[j] = CHARSET.charAt((int) (id & 63));
            id >>>= 6;
        }
        return new String(name);
    }

    /**
     * The type of module id {@code moduleId}, matched by name whatever its encoding
     * version (moduleTypeLookupModuleByID), or {@code null}.
     */
    public PersistentType<?> byId(long moduleId) {
        return byName.get(moduleId >>> 10);
    }

    /** The registered types. */
    public List<PersistentType<?>> types() {
        return List.copyOf(byName.values());
    }

    /**
     * For the AOF rewrite (Redis's {@code rewriteModuleObject}): emits the commands that
     * recreate {@code value} under {@code key}, as its type's
     * {@link PersistentType#rewrite} gives them.
     *
     * @return false, emitting nothing, when {@code value} is not of a persistent plugin
     *         type (the built-in types are the caller's business)
     */
    public static boolean rewrite(byte[] key, RedisValue value, Consumer<byte[][]> emit) {
        if (!(value.type() instanceof PersistentType<?> t) || !t.valueClass().isInstance(value)) {
            return false;
        }
        rewriteAs(t, key, value, Objects.requireNonNull(emit, "emit"));
        return true;
    }

    private static <V extends RedisValue> void rewriteAs(PersistentType<V> t, byte[] key, RedisValue value,
                                                         Consumer<byte[][]> emit) {
        t.rewrite(key, t.valueClass().cast(value), emit);
    }
}
