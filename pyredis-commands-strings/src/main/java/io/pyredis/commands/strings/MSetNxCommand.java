package io.pyredis.commands.strings;

/**
 * {@code MSETNX key value [key value ...]}
 */
public final class MSetNxCommand extends MSetGenericCommand {

    public MSetNxCommand() {
        super("msetnx", true);
    }
}
