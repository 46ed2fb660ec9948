package io.pyredis.api;

import java.util.Set;

/**
 * One key of a call, as a command's own key finder returns it ({@link Command#keys}):
 * its position in the arguments (0 is the command name) and how the call uses it.
 *
 * @param index position of the key argument
 * @param flags how it is used; empty when the finder cannot tell
 * @since 0.1
 */
public record KeyRef(int index, Set<KeyFlag> flags) {

    public KeyRef {
        if (index < 1) {
            throw new IllegalArgumentException("a key is an argument after the name: " + index);
        }
        flags = Set.copyOf(flags);
    }
}
