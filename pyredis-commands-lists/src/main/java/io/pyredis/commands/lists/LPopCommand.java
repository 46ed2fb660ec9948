package io.pyredis.commands.lists;

/**
 * {@code LPOP key [count]}
 */
public final class LPopCommand extends PopGenericCommand {

    public LPopCommand() {
        super("lpop", true);
    }
}
