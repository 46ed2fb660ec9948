package io.pyredis.storage.internal;

import io.pyredis.storage.EncodingLimits;
import io.pyredis.storage.KeyListener;

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

    /** Told of every key change (wakes blocked clients, fails WATCH). */
    public KeyListener listener = KeyListener.NONE;
    /** Up to which sizes collections stay compact. */
    public final EncodingLimits limits = new EncodingLimits();

    public KeyspaceState(long now) {
        this.now = now;
    }
}
