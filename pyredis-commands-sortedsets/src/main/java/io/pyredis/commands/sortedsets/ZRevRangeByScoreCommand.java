package io.pyredis.commands.sortedsets;

/**
 * {@code ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]}
 */
public final class ZRevRangeByScoreCommand extends ZRangeGenericCommand {

    public ZRevRangeByScoreCommand() {
        super("zrevrangebyscore", false, Type.SCORE, Boolean.TRUE);
    }
}
