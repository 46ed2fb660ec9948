package io.pyredis.storage.internal;

import io.pyredis.storage.EncodingLimits;
import io.pyredis.storage.KeyListener;
import io.pyredis.storage.LookupRule;

/**
 * What every database of one keyspace shares: the cached time that lazy expiry compares
 * against, and the statistics INFO reports. Plain fields: the keyspace has one thread.
 */
public final class KeyspaceState {

    /** The time (unix ms) the current command runs at, as Redis caches mstime per command. */
    public long now;
    /** Keys removed because their deadline passed, lazily or by the active cycle. */
    public long expiredKeys;
    /** CLIENT PAUSE keeps the dataset constant: expired keys look gone but stay (Redis's expireIfNeeded while paused). */
    public boolean expiryPaused;
    /** Which lookups of the running command are reads. */
    public LookupRule rule = LookupRule.NONE;
    /** Whether a read that misses is reported to the listener (someone wants keymiss). */
    public boolean reportMisses;
    /** Reads that found their key. */
    public long hits;
    /** Reads that did not. */
    public long misses;

    /**
     * Unix seconds, a whole minute, that access times count from: an int of seconds from
     * there lasts 68 years, and minute boundaries stay those of unix time, as Redis's LFU
     * decay counts them.
     */
    public final long baseSeconds;

    /** Redis's LFU_INIT_VAL: new keys start here so they are not evicted at once. */
    static final byte LFU_INIT_VAL = 5;
    /** Redis's default lfu-log-factor. */
    static final int LFU_LOG_FACTOR = 10;
    /** Redis's default lfu-decay-time, in minutes. */
    static final int LFU_DECAY_MINUTES = 1;

    /** Told of every key change (wakes blocked clients, fails WATCH). */
    public KeyListener listener = KeyListener.NONE;
    /**
     * The running snapshot, told of keys about to change before they change; null when
     * none runs (then the hooks cost one null check).
     */
    public SaveHook save;
    /**
     * Flipped when a snapshot starts: keys whose {@link Entry#saveMark} differs still have
     * to be written by it. A snapshot always walks to the end (a failed one keeps walking
     * and discards), so between snapshots every key carries the current mark.
     */
    public byte saveMark;

    /** Up to which sizes collections stay compact. */
    public final EncodingLimits limits = new EncodingLimits();

    public KeyspaceState(long now) {
        this.now = now;
        this.baseSeconds = Math.floorDiv(Math.floorDiv(now, 1000), 60) * 60;
    }

    /** {@link #now} as seconds since {@link #baseSeconds}. */
    int nowSeconds() {
        return (int) (Math.floorDiv(now, 1000) - baseSeconds);
    }
}
