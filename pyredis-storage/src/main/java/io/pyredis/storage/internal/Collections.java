package io.pyredis.storage.internal;

import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.storage.EncodingLimits;

/** Makes the collection values; each starts in its compact encoding. */
public final class Collections {

    private Collections() {
    }

    public static RedisList newList(EncodingLimits limits) {
        return new ListValue(limits);
    }

    public static RedisHash newHash(EncodingLimits limits) {
        return new StoredHash(limits);
    }

    public static RedisSet newSet(EncodingLimits limits) {
        return new StoredSet(limits);
    }

    public static RedisSortedSet newSortedSet(EncodingLimits limits) {
        return new SortedSetValue(limits);
    }

    public static io.pyredis.api.RedisStream newStream() {
        return new StreamValue();
    }

    /** dictGetStats of {@code v}'s hash table (a hashtable set or hash, a skiplist's member table), or null when it has none. */
    public static String hashTableStats(io.pyredis.api.RedisValue v) {
        DictStats out = new DictStats();
        boolean has = v instanceof StoredSet s ? s.hashTableStats(out)
                : v instanceof StoredHash h ? h.hashTableStats(out)
                : v instanceof SortedSetValue z && z.hashTableStats(out);
        return has ? out.toString() : null;
    }

    /**
     * Loading a hash or sorted set stored compact (a listpack or ziplist blob in an RDB
     * file or a DUMP payload) is {@code on}: as rdb.c, only the entry count may convert it
     * then, not the length of a member or value (the limits may have been higher where it
     * was saved).
     */
    public static void loadingCompact(io.pyredis.api.RedisValue v, boolean on) {
        if (v instanceof StoredHash h) {
            h.ignoreValueLimit = on;
        } else if (v instanceof SortedSetValue z) {
            z.ignoreValueLimit = on;
        }
    }
}
