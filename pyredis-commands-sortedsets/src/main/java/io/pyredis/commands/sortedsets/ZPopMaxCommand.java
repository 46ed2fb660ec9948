package io.pyredis.commands.sortedsets;

/**
 * {@code ZPOPMAX key [count]}
 */
public final class ZPopMaxCommand extends ZPopGenericCommand {

    public ZPopMaxCommand() {
        super("zpopmax", true);
    }
}
