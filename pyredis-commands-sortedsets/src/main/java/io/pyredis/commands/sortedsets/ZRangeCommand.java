package io.pyredis.commands.sortedsets;

/**
 * {@code ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]}
 */
public final class ZRangeCommand extends ZRangeGenericCommand {

    public ZRangeCommand() {
        super("zrange", false, Type.AUTO, null);
    }
}
