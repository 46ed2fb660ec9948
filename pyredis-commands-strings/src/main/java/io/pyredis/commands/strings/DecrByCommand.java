package io.pyredis.commands.strings;

/**
 * {@code DECRBY key decrement}
 */
public final class DecrByCommand extends IncrDecrGenericCommand {

    public DecrByCommand() {
        super("decrby", true, true);
    }
}
