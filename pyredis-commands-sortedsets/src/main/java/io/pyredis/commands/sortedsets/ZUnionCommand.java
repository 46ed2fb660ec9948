package io.pyredis.commands.sortedsets;

/**
 * {@code ZUNION numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]}
 */
public final class ZUnionCommand extends ZSetOpGenericCommand {

    public ZUnionCommand() {
        super("zunion", Op.UNION, false, false);
    }
}
