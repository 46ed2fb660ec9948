package io.pyredis.commands.bitmaps;

/**
 * The keyspace event names this pack reports, as bitops.c spells them: {@code setbit}
 * (SETBIT and BITFIELD) and {@code set} of class {@link io.pyredis.api.KeyspaceEvent#STRING},
 * {@code del} (BITOP with an empty result) of class {@link io.pyredis.api.KeyspaceEvent#GENERIC}.
 */
final class Events {

    static final String SETBIT = "setbit";
    static final String SET = "set";
    static final String DEL = "del";

    private Events() {
    }
}
