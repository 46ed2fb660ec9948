package io.pyredis.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One argument of a command as COMMAND DOCS describes it (Redis 7.0's argument tree):
 * a name and a type; an optional token (the word that comes before it, or the word itself
 * for a {@link Type#PURE_TOKEN}); {@link Type#ONEOF} and {@link Type#BLOCK} arguments hold
 * others. Clients (redis-cli's hints, client libraries' generators) render usage from it.
 *
 * @param name            its name ({@code "key"}, {@code "condition"})
 * @param type            its type
 * @param keySpecIndex    the index of the {@link KeySpec} of the keys it names: a
 *                        {@link Type#KEY}'s, or a {@link Type#PATTERN} of key names (SORT's BY); else -1
 * @param token           the word before it, or null
 * @param summary         a description, or null
 * @param since           the version that added it, or null
 * @param flags           optional, multiple, multiple with the token repeated
 * @param deprecatedSince the version that deprecated it, or null
 * @param arguments       the arguments of a {@link Type#ONEOF} or {@link Type#BLOCK}; empty otherwise
 * @since 0.1
 */
public record Argument(String name, Type type, int keySpecIndex, String token, String summary, String since,
                       Set<Flag> flags, String deprecatedSince, List<Argument> arguments) {

    public Argument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        flags = Set.copyOf(flags);
        arguments = List.copyOf(arguments);
        if (type == Type.KEY && keySpecIndex < 0) {
            throw new IllegalArgumentException("argument " + name + ": a key argument needs its key spec index");
        }
        if ((type == Type.ONEOF || type == Type.BLOCK) == arguments.isEmpty()) {
            throw new IllegalArgumentException("argument " + name + ": a oneof or block, and only one, holds arguments");
        }
    }

    /** A plain argument of {@code type} (not a key, oneof or block). */
    public static Argument of(String name, Type type) {
        return new Argument(name, type, -1, null, null, null, Set.of(), null, List.of());
    }

    /** The key argument of key spec {@code keySpecIndex}. */
    public static Argument key(String name, int keySpecIndex) {
        return new Argument(name, Type.KEY, keySpecIndex, null, null, null, Set.of(), null, List.of());
    }

    /** The word {@code token} alone, named as Redis names such arguments (its lower case). */
    public static Argument pureToken(String token) {
        return new Argument(token.toLowerCase(Locale.ROOT), Type.PURE_TOKEN, -1, token, null, null, Set.of(), null,
                List.of());
    }

    /** This argument preceded by {@code word}. */
    public Argument withToken(String word) {
        return new Argument(name, type, keySpecIndex, word, summary, since, flags, deprecatedSince, arguments);
    }

    /** This argument with {@code more} flags. */
    public Argument with(Flag... more) {
        java.util.EnumSet<Flag> f = flags.isEmpty() ? java.util.EnumSet.noneOf(Flag.class) : java.util.EnumSet.copyOf(flags);
        f.addAll(List.of(more));
        return new Argument(name, type, keySpecIndex, token, summary, since, f, deprecatedSince, arguments);
    }

    /** Redis's argument types. */
    public enum Type {
        STRING, INTEGER, DOUBLE, KEY, PATTERN, UNIX_TIME, PURE_TOKEN, ONEOF, BLOCK;

        /** The name COMMAND DOCS replies ({@code "unix-time"}, {@code "pure-token"}). */
        public String redisName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Redis's argument flags. */
    public enum Flag {
        OPTIONAL, MULTIPLE, MULTIPLE_TOKEN;

        /** The name COMMAND DOCS replies ({@code "multiple_token"}). */
        public String redisName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
