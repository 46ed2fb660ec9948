package io.pyredis.commands.sortedsets;

/**
 * {@code ZRANK key member}
 */
public final class ZRankCommand extends ZRankGenericCommand {

    public ZRankCommand() {
        super("zrank", false);
    }
}
