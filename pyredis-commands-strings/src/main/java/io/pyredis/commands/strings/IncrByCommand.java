package io.pyredis.commands.strings;

/**
 * {@code INCRBY key increment}
 */
public final class IncrByCommand extends IncrDecrGenericCommand {

    public IncrByCommand() {
        super("incrby", true, false);
    }
}
