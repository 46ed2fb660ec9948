package io.pyredis.storage.internal;

/**
 * What every database of one keyspace shares: the cached time that lazy expiry compares
 * against, and the statistics INFO reports. Plain fields: the keyspace has one thread.
 */
public final class KeyspaceState {

    /** The time (unix ms) the current command runs at, as Redis caches mstime per command. */
    public long now;
    /** Keys removed because their deadline passed, lazily or by the active cycle. */
    public long expiredKeys;
    /** Reads that found their key. */
    public long hits;
    /** Reads that did not. */
    public long misses;

    public KeyspaceState(long now) {
        this.now = now;
    }
}
