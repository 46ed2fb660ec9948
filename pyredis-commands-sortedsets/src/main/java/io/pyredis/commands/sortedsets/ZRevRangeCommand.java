package io.pyredis.commands.sortedsets;

/**
 * {@code ZREVRANGE key start stop [WITHSCORES]}
 */
public final class ZRevRangeCommand extends ZRangeGenericCommand {

    public ZRevRangeCommand() {
        super("zrevrange", false, Type.RANK, Boolean.TRUE);
    }
}
