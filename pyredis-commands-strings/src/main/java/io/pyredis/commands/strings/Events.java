package io.pyredis.commands.strings;

/**
 * The keyspace event names this pack reports, as t_string.c spells them. String events are
 * of class {@link io.pyredis.api.KeyspaceEvent#STRING}; {@code expire}, {@code persist} and
 * {@code del} of class {@link io.pyredis.api.KeyspaceEvent#GENERIC}.
 */
final class Events {

    static final String SET = "set";
    /** INCR, DECR, INCRBY and DECRBY alike. */
    static final String INCRBY = "incrby";
    static final String INCRBYFLOAT = "incrbyfloat";
    static final String APPEND = "append";
    static final String SETRANGE = "setrange";
    static final String EXPIRE = "expire";
    static final String PERSIST = "persist";
    static final String DEL = "del";

    private Events() {
    }
}
