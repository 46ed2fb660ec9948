package io.pyredis.commands.sortedsets;

/**
 * {@code ZREMRANGEBYRANK key start stop}
 */
public final class ZRemRangeByRankCommand extends ZRemRangeGenericCommand {

    public ZRemRangeByRankCommand() {
        super("zremrangebyrank", ZSets::rankRange, Events.ZREMRANGEBYRANK);
    }
}
