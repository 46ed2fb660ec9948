package io.pyredis.api;

/**
 * Where the keys are in a command's arguments, as COMMAND's first-key, last-key and
 * step fields: positions count from the command name at 0; a negative {@code lastKey}
 * counts from the end ({@code -1} = the last argument).
 *
 * @param firstKey position of the first key, 0 when the command takes no key
 * @param lastKey  position of the last key, negative counting from the end
 * @param step     distance between keys (2 for {@code MSET k v k v})
 * @since 0.1
 */
public record KeySpec(int firstKey, int lastKey, int step) {

    /** A command without keys. */
    public static final KeySpec NONE = new KeySpec(0, 0, 0);
    /** One key, right after the command name. */
    public static final KeySpec FIRST = new KeySpec(1, 1, 1);
    /** Every argument is a key. */
    public static final KeySpec ALL = new KeySpec(1, -1, 1);

    public KeySpec {
        if (firstKey < 0 || step < 0 || (firstKey == 0) != (step == 0)) {
            throw new IllegalArgumentException("bad key spec " + firstKey + "," + lastKey + "," + step);
        }
    }

    /** Keys from {@code first} to {@code last} every {@code step} arguments. */
    public static KeySpec of(int first, int last, int step) {
        return new KeySpec(first, last, step);
    }
}
