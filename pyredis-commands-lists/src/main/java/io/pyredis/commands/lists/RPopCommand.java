package io.pyredis.commands.lists;

/**
 * {@code RPOP key [count]}
 */
public final class RPopCommand extends PopGenericCommand {

    public RPopCommand() {
        super("rpop", false);
    }
}
