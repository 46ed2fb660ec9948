package io.pyredis.commands.sortedsets;

/**
 * {@code ZPOPMIN key [count]}
 */
public final class ZPopMinCommand extends ZPopGenericCommand {

    public ZPopMinCommand() {
        super("zpopmin", false);
    }
}
