package io.pyredis.commands.sortedsets;

/**
 * The keyspace event names this pack reports, as t_zset.c spells them: of class
 * {@link io.pyredis.api.KeyspaceEvent#ZSET}, but {@code del} (for an emptied sorted set or
 * an empty STORE result) of class {@link io.pyredis.api.KeyspaceEvent#GENERIC}.
 */
final class Events {

    static final String ZADD = "zadd";
    /** ZINCRBY and ZADD ... INCR. */
    static final String ZINCR = "zincr";
    static final String ZREM = "zrem";
    static final String ZREMRANGEBYRANK = "zremrangebyrank";
    static final String ZREMRANGEBYSCORE = "zremrangebyscore";
    static final String ZREMRANGEBYLEX = "zremrangebylex";
    /** ZPOPMIN and the MIN side of ZMPOP, BZPOPMIN and BZMPOP. */
    static final String ZPOPMIN = "zpopmin";
    static final String ZPOPMAX = "zpopmax";
    static final String ZUNIONSTORE = "zunionstore";
    static final String ZINTERSTORE = "zinterstore";
    static final String ZDIFFSTORE = "zdiffstore";
    static final String ZRANGESTORE = "zrangestore";
    static final String DEL = "del";

    private Events() {
    }

    static String pop(boolean max) {
        return max ? ZPOPMAX : ZPOPMIN;
    }
}
