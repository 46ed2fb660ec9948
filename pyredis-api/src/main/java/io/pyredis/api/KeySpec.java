package io.pyredis.api;

import java.util.Objects;
import java.util.Set;

/**
 * Where a command finds some of its keys and what it does with them: one of Redis 7.0's key
 * specs, as COMMAND INFO reports them. Finding is in two steps, as in Redis: where to
 * begin ({@link BeginSearch}: a fixed {@link Index}, or after a {@link Keyword}), then which
 * arguments from there are keys ({@link FindKeys}: a {@link Range}, or a {@link KeyNum}
 * whose count is itself an argument). Positions count from the command name at 0.
 *
 * <p>For GET: {@code KeySpec.range(1, 0, 1, KeyFlag.RO, KeyFlag.ACCESS)}; for MSET
 * ({@code MSET k v k v}): {@code KeySpec.range(1, -1, 2, KeyFlag.OW, KeyFlag.UPDATE)}.
 *
 * @param notes       a remark for people (Redis's {@code notes}), or null
 * @param flags       how the command uses these keys
 * @param beginSearch where the search starts
 * @param findKeys    which arguments from there are keys
 * @since 0.1
 */
public record KeySpec(String notes, Set<KeyFlag> flags, BeginSearch beginSearch, FindKeys findKeys) {

    public KeySpec {
        flags = Set.copyOf(flags);
        Objects.requireNonNull(beginSearch, "beginSearch");
        Objects.requireNonNull(findKeys, "findKeys");
    }

    /** Keys at {@code pos} to {@code lastKey} (relative to {@code pos}; negative counts from the end), every {@code step}. */
    public static KeySpec range(int pos, int lastKey, int step, KeyFlag... flags) {
        return new KeySpec(null, Set.of(flags), new Index(pos), new Range(lastKey, step, 0));
    }

    /** The one key at {@code pos}. */
    public static KeySpec single(int pos, KeyFlag... flags) {
        return range(pos, 0, 1, flags);
    }

    /** Where the search for keys begins. */
    public sealed interface BeginSearch permits Index, Keyword, UnknownBegin {
    }

    /** At argument {@code pos}. */
    public record Index(int pos) implements BeginSearch {
        public Index {
            if (pos < 1) {
                throw new IllegalArgumentException("keys start after the command name: " + pos);
            }
        }
    }

    /**
     * Right after the argument {@code keyword} (any case), searched from argument
     * {@code startFrom} onwards, or, when negative, backwards from that far from the end.
     */
    public record Keyword(String keyword, int startFrom) implements BeginSearch {
        public Keyword {
            Objects.requireNonNull(keyword, "keyword");
            if (startFrom == 0) {
                throw new IllegalArgumentException("startFrom 0 is the command name");
            }
        }
    }

    /** Not described (a command whose own {@link Command#keys} finds them). */
    public record UnknownBegin() implements BeginSearch {
    }

    /** Which arguments, from where the search began, are keys. */
    public sealed interface FindKeys permits Range, KeyNum, UnknownFind {
    }

    /**
     * From the beginning to {@code lastKey} (relative to it; -1 is the last argument, -2 the
     * one before...), every {@code step}; with {@code lastKey} -1 and {@code limit} above 0,
     * only the first 1/{@code limit} of the remaining arguments.
     */
    public record Range(int lastKey, int step, int limit) implements FindKeys {
        public Range {
            if (step < 1) {
                throw new IllegalArgumentException("step must be at least 1: " + step);
            }
        }
    }

    /**
     * The argument {@code keyNumIndex} after the beginning holds the number of keys; they
     * start {@code firstKey} after the beginning, every {@code step}.
     */
    public record KeyNum(int keyNumIndex, int firstKey, int step) implements FindKeys {
        public KeyNum {
            if (step < 1) {
                throw new IllegalArgumentException("step must be at least 1: " + step);
            }
        }
    }

    /** Not described (a command whose own {@link Command#keys} finds them). */
    public record UnknownFind() implements FindKeys {
    }
}
