package io.pyredis.commands.sortedsets;

/**
 * {@code BZPOPMIN key [key ...] timeout}
 */
public final class BZPopMinCommand extends BZPopGenericCommand {

    public BZPopMinCommand() {
        super("bzpopmin", false);
    }
}
