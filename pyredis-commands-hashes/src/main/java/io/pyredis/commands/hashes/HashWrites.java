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

    /**
     * HSET and HMSET: sets every pair, reported as {@code hset} even when no value changed,
     * as Redis does; the number of new fields.
     */
    static long setPairs(CommandContext ctx, byte[][] args, String command) {
        if ((args.length & 1) == 1) {
            throw Errors.wrongArity(command);
        }
        Database db = ctx.db();
        byte[] key = args[1];
        RedisHash h = db.get(key, RedisHash.class);
        boolean existed = h != null;
        if (!existed) {
            h = db.createHash();
        }
        long created = 0;
        for (int i = 2; i < args.length; i += 2) {
            if (h.put(args[i], args[i + 1])) {
                created++;
            }
        }
        done(ctx, key, h, existed, Events.HSET);
        return created;
    }
}
