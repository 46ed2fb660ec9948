package io.pyredis.api;

import java.util.Locale;

/**
 * How a command uses a key, as the flags of Redis 7.0's key specs: one of the access
 * kinds {@link #RO}, {@link #RW}, {@link #OW} (overwrite), {@link #RM} (remove), what it
 * does with the value ({@link #ACCESS} returns or depends on it, {@link #UPDATE},
 * {@link #INSERT}, {@link #DELETE}), and {@link #NOT_KEY}, {@link #INCOMPLETE},
 * {@link #VARIABLE_FLAGS} for specs that do not tell everything.
 *
 * @since 0.1
 */
public enum KeyFlag {
    RO, RW, OW, RM, ACCESS, UPDATE, INSERT, DELETE, NOT_KEY, INCOMPLETE, VARIABLE_FLAGS;

    /**
     * The name COMMAND INFO and COMMAND GETKEYSANDFLAGS reply: the access kinds in upper
     * case ({@code "RW"}), the others in lower case ({@code "access"}), as Redis does.
     */
    public String redisName() {
        return ordinal() <= RM.ordinal() ? name() : name().toLowerCase(Locale.ROOT);
    }
}
