package io.pyredis.commands.strings;

/**
 * {@code MSET key value [key value ...]}
 */
public final class MSetCommand extends MSetGenericCommand {

    public MSetCommand() {
        super("mset", false);
    }
}
