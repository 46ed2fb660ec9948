package io.pyredis.commands.sortedsets;

/**
 * {@code ZREMRANGEBYSCORE key min max}
 */
public final class ZRemRangeByScoreCommand extends ZRemRangeGenericCommand {

    public ZRemRangeByScoreCommand() {
        super("zremrangebyscore", ZSets::scoreRange, Events.ZREMRANGEBYSCORE);
    }
}
