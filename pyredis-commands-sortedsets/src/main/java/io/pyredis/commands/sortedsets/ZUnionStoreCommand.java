package io.pyredis.commands.sortedsets;

/**
 * {@code ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX]}
 */
public final class ZUnionStoreCommand extends ZSetOpGenericCommand {

    public ZUnionStoreCommand() {
        super("zunionstore", Op.UNION, true, false);
    }
}
