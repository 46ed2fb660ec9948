package io.pyredis.commands.sortedsets;

/**
 * {@code ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]}
 */
public final class ZRangeByScoreCommand extends ZRangeGenericCommand {

    public ZRangeByScoreCommand() {
        super("zrangebyscore", false, Type.SCORE, Boolean.FALSE);
    }
}
