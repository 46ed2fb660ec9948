package io.pyredis.commands.sortedsets;

/**
 * {@code ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX]}
 */
public final class ZInterStoreCommand extends ZSetOpGenericCommand {

    public ZInterStoreCommand() {
        super("zinterstore", Op.INTER, true, false);
    }
}
