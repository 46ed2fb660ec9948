package io.pyredis.commands.strings;

/**
 * {@code INCR key}
 */
public final class IncrCommand extends IncrDecrGenericCommand {

    public IncrCommand() {
        super("incr", false, false);
    }
}
