package io.pyredis.commands.sortedsets;

/**
 * {@code ZINTER numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]}
 */
public final class ZInterCommand extends ZSetOpGenericCommand {

    public ZInterCommand() {
        super("zinter", Op.INTER, false, false);
    }
}
