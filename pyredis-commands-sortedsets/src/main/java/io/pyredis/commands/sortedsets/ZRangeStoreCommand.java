package io.pyredis.commands.sortedsets;

/**
 * {@code ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]}
 */
public final class ZRangeStoreCommand extends ZRangeGenericCommand {

    public ZRangeStoreCommand() {
        super("zrangestore", true, Type.AUTO, null);
    }
}
