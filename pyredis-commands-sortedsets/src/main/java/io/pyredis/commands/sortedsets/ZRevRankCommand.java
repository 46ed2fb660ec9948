package io.pyredis.commands.sortedsets;

/**
 * {@code ZREVRANK key member}
 */
public final class ZRevRankCommand extends ZRankGenericCommand {

    public ZRevRankCommand() {
        super("zrevrank", true);
    }
}
