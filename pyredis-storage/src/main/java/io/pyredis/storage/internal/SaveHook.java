package io.pyredis.storage.internal;

import io.pyredis.api.RedisValue;

/**
 * What a running snapshot needs from the databases: each key it has not written yet,
 * just before the key changes, and a chance to finish before a whole database is emptied
 * or swapped.
 */
public interface SaveHook {

    /**
     * {@code key} of database {@code db} is about to change or go; write it as it is now.
     * {@code expireAt} is its deadline in unix ms, -1 for none.
     */
    void preserve(int db, byte[] key, RedisValue value, long expireAt);

    /** A database is about to be emptied or swapped (FLUSHALL, FLUSHDB, SWAPDB): finish the walk now. */
    void finishNow();
}
