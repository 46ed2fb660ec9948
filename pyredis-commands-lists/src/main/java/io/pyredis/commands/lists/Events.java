package io.pyredis.commands.lists;

/**
 * The keyspace event names this pack reports, as t_list.c spells them: of class
 * {@link io.pyredis.api.KeyspaceEvent#LIST}, but {@code del} (for an emptied list) of
 * class {@link io.pyredis.api.KeyspaceEvent#GENERIC}.
 */
final class Events {

    static final String LPUSH = "lpush";
    static final String RPUSH = "rpush";
    static final String LPOP = "lpop";
    static final String RPOP = "rpop";
    static final String LSET = "lset";
    static final String LTRIM = "ltrim";
    static final String LINSERT = "linsert";
    static final String LREM = "lrem";
    static final String DEL = "del";

    private Events() {
    }

    static String push(boolean head) {
        return head ? LPUSH : RPUSH;
    }

    static String pop(boolean head) {
        return head ? LPOP : RPOP;
    }
}
