package io.pyredis.commands.keys;

/**
 * The keyspace event names this pack reports, as db.c and expire.c spell them; all of
 * class {@link io.pyredis.api.KeyspaceEvent#GENERIC}.
 */
final class Events {

    static final String DEL = "del";
    static final String EXPIRE = "expire";
    static final String PERSIST = "persist";
    static final String RENAME_FROM = "rename_from";
    static final String RENAME_TO = "rename_to";
    static final String MOVE_FROM = "move_from";
    static final String MOVE_TO = "move_to";
    static final String COPY_TO = "copy_to";

    private Events() {
    }
}
