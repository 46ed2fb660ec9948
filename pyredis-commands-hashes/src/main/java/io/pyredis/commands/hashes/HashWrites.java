package io.pyredis.commands.hashes;

import io.pyredis.api.CommandContext;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisHash;

/** The write path shared by this pack: find or create the hash, and store or delete it after. */
final class HashWrites {

    private HashWrites() {
    }

    /** The hash at {@code key}, a new unstored one when there is none (WRONGTYPE otherwise). */
    static RedisHash getOrCreate(Database db, byte[] key) {
        RedisHash h = db.get(key, RedisHash.class);
        return h != null ? h : db.createHash();
    }

    /**
     * After a write to {@code h}: a new hash is stored, a changed one reported, an emptied
     * one deleted. {@code existed} says whether {@code h} was already stored; {@code event}
     * is the keyspace event to report, null when nothing changed. An emptied hash also
     * reports its {@code del}, after {@code event}.
     */
    static void done(CommandContext ctx, byte[] key, RedisHash h, boolean existed, String event) {
        Database db = ctx.db();
        if (h.size() == 0) {
            if (existed) {
                db.delete(key);
                notify(ctx, key, event);
                ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, key);
            }
            return;
        }
        if (!existed) {
            db.set(key, h);
        } else if (event != null) {
            db.modified(key);
        }
        notify(ctx, key, event);
    }

    private static void notify(CommandContext ctx, byte[] key, String event) {
        if (event != null) {
            ctx.notifyKeyspaceEvent(KeyspaceEvent.HASH, event, key);
        }
    }
}
