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
    /**
     * The key of the last typed lookup that found another type (the WRONGTYPE it threw), so
     * that the call unit can tell which key a blocked client's re-run tripped on.
     */
    public byte[] wrongTypeKey;
    public int wrongTypeDb;
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
    /** lfu-log-factor: how slowly the LFU counter grows (the server sets it from its config). */
    public int lfuLogFactor = 10;
    /** lfu-decay-time, in minutes: the counter loses one per period idle; 0 never decays. */
    public int lfuDecayTime = 1;

    /** Where removed values that are costly to release go (lazyfree.c). */
    public final io.pyredis.storage.LazyFree lazyFree = new io.pyredis.storage.LazyFree();
    /** lazyfree-lazy-expire: expired keys' values are released in the background. */
    public boolean lazyExpire;
    /** lazyfree-lazy-server-del: values deleted or overwritten by the server go to the background. */
    public boolean lazyServerDel;
    /** Keys removed by maxmemory eviction (INFO evicted_keys). */
    public long evictedKeys;

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
