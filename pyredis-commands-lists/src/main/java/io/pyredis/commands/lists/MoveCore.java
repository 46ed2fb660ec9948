package io.pyredis.commands.lists;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisList;

/** LMOVE, RPOPLPUSH, BLMOVE and BRPOPLPUSH: pop from one list, push onto another. */
final class MoveCore {

    private MoveCore() {
    }

    /**
     * Moves one element and replies it; replies nothing and returns false when the source
     * is missing. Both keys are type-checked before anything moves, as Redis does.
     */
    static boolean move(CommandContext ctx, byte[] source, byte[] destination, boolean fromHead, boolean toHead) {
        Database db = ctx.db();
        RedisList src = db.get(source, RedisList.class);
        if (src == null) {
            return false;
        }
        RedisList dst = db.get(destination, RedisList.class);
        byte[] element = src.pop(fromHead);
        if (dst == null) {
            dst = db.createList();
            dst.push(toHead, element);
            db.set(destination, dst);
        } else {
            dst.push(toHead, element);
            db.modified(destination);
        }
        // The push is reported first, as Redis does.
        ctx.notifyKeyspaceEvent(KeyspaceEvent.LIST, Events.push(toHead), destination);
        // Checked after the push: with source == destination the list is never left empty.
        PopCore.changed(ctx, source, src, Events.pop(fromHead));
        ctx.reply().bulk(element);
        return true;
    }
}
