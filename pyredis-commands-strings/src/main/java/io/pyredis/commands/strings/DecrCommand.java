package io.pyredis.commands.strings;

/**
 * {@code DECR key}
 */
public final class DecrCommand extends IncrDecrGenericCommand {

    public DecrCommand() {
        super("decr", false, true);
    }
}
