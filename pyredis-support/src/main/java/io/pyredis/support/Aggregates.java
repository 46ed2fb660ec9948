package io.pyredis.support;

import io.pyredis.api.CommandContext;
import io.pyredis.api.KeyspaceEvent;

/**
 * What the aggregate types (lists, sets, sorted sets) share once elements are removed:
 * Redis never keeps one empty, so an emptied value goes with its key.
 *
 * @since 0.1
 */
public final class Aggregates {

    private static final String DEL = "del";

    private Aggregates() {
    }

    /**
     * After elements were removed from the value stored at {@code key}: reports
     * {@code event} of class {@code type}; then deletes the key when the value is
     * {@code emptied}, reporting its {@code del}, else tells the server it changed.
     *
     * @since 0.1
     */
    public static void removed(CommandContext ctx, byte[] key, boolean emptied, KeyspaceEvent type, String event) {
        if (emptied) {
            ctx.db().delete(key);
            ctx.notifyKeyspaceEvent(type, event, key);
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, DEL, key);
        } else {
            ctx.db().modified(key);
            ctx.notifyKeyspaceEvent(type, event, key);
        }
    }
}
