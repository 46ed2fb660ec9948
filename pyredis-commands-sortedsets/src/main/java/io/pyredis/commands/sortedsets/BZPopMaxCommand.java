package io.pyredis.commands.sortedsets;

/**
 * {@code BZPOPMAX key [key ...] timeout}
 */
public final class BZPopMaxCommand extends BZPopGenericCommand {

    public BZPopMaxCommand() {
        super("bzpopmax", true);
    }
}
