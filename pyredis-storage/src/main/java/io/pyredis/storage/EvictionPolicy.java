package io.pyredis.storage;

import java.util.Locale;

/**
 * maxmemory-policy: which keys maxmemory eviction may remove (all, or only those with a
 * deadline) and how it picks them (approximated LRU, LFU, the nearest deadline, at random),
 * or {@link #NOEVICTION}: none, writes that would add memory are refused.
 *
 * @since 0.1
 */
public enum EvictionPolicy {
    VOLATILE_LRU, VOLATILE_LFU, VOLATILE_RANDOM, VOLATILE_TTL, ALLKEYS_LRU, ALLKEYS_LFU, ALLKEYS_RANDOM, NOEVICTION;

    /** The policy named as in redis.conf ({@code allkeys-lru}). */
    public static EvictionPolicy of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Only keys with a deadline may go. */
    public boolean volatileOnly() {
        return this == VOLATILE_LRU || this == VOLATILE_LFU || this == VOLATILE_RANDOM || this == VOLATILE_TTL;
    }

    /** Redis's MAXMEMORY_FLAG_LFU. */
    public boolean lfu() {
        return this == VOLATILE_LFU || this == ALLKEYS_LFU;
    }

    /** Redis's MAXMEMORY_FLAG_LRU. */
    public boolean lru() {
        return this == VOLATILE_LRU || this == ALLKEYS_LRU;
    }

    /** Picks at random rather than from the eviction pool. */
    public boolean random() {
        return this == VOLATILE_RANDOM || this == ALLKEYS_RANDOM;
    }

    /** The redis.conf name. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
