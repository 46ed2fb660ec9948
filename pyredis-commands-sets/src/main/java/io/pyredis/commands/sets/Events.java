package io.pyredis.commands.sets;

/**
 * The keyspace event names this pack reports, as t_set.c spells them: of class
 * {@link io.pyredis.api.KeyspaceEvent#SET}, but {@code del} (for an emptied set or an
 * empty STORE result) of class {@link io.pyredis.api.KeyspaceEvent#GENERIC}.
 */
final class Events {

    static final String SADD = "sadd";
    static final String SREM = "srem";
    static final String SPOP = "spop";
    static final String SINTERSTORE = "sinterstore";
    static final String SUNIONSTORE = "sunionstore";
    static final String SDIFFSTORE = "sdiffstore";
    static final String DEL = "del";

    private Events() {
    }
}
