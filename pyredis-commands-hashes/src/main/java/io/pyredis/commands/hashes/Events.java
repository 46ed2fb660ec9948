package io.pyredis.commands.hashes;

/**
 * The keyspace event names this pack reports, as t_hash.c spells them: of class
 * {@link io.pyredis.api.KeyspaceEvent#HASH}, but {@code del} (for an emptied hash) of
 * class {@link io.pyredis.api.KeyspaceEvent#GENERIC}.
 */
final class Events {

    /** HSET, HMSET and HSETNX alike. */
    static final String HSET = "hset";
    static final String HDEL = "hdel";
    static final String HINCRBY = "hincrby";
    static final String HINCRBYFLOAT = "hincrbyfloat";
    static final String DEL = "del";

    private Events() {
    }
}
