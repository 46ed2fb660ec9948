package io.pyredis.commands.hashes;

import io.pyredis.api.Database;
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
     * one deleted. {@code existed} says whether {@code h} was already stored.
     */
    static void done(Database db, byte[] key, RedisHash h, boolean existed, boolean changed) {
        if (h.size() == 0) {
            if (existed) {
                db.delete(key);
            }
        } else if (!existed) {
            db.set(key, h);
        } else if (changed) {
            db.modified(key);
        }
    }

    /** HSET and HMSET: sets every pair; the number of new fields. */
    static long setPairs(Database db, byte[][] args, String command) {
        if ((args.length & 1) == 1) {
            throw Errors.wrongArity(command);
        }
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
        done(db, key, h, existed, true);
        return created;
    }
}
