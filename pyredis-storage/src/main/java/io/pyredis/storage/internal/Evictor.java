package io.pyredis.storage.internal;

import io.pyredis.storage.EvictionPolicy;

/**
 * evict.c's performEvictions over the databases of one keyspace: the eviction pool of
 * {@link #POOL_SIZE} candidates ordered by idle score (an approximated LRU, the inverted LFU
 * counter, or the inverted deadline), refilled from {@code maxmemory-samples} random keys of
 * each database per round; the random policies take a random key of the next database in
 * turn. Not thread-safe: the keyspace belongs to one thread.
 */
public final class Evictor {

    /** Redis's EVPOOL_SIZE. */
    static final int POOL_SIZE = 16;

    /** Redis's EVICT_OK: under the limit (or freed enough). */
    public static final int OK = 0;
    /** Redis's EVICT_RUNNING: over the limit, still evicting (the time budget ran out). */
    public static final int RUNNING = 1;
    /** Redis's EVICT_FAIL: over the limit and nothing left that may go. */
    public static final int FAIL = 2;

    private final Db[] dbs;
    private final Entry[] poolEntry = new Entry[POOL_SIZE];
    private final Db[] poolDb = new Db[POOL_SIZE];
    private final long[] poolIdle = new long[POOL_SIZE];
    /** Redis's static next_db of the random policies. */
    private int nextDb;

    public Evictor(Db[] dbs) {
        this.dbs = dbs;
    }

    /**
     * Evicts until {@code toFree} bytes are freed, the time budget is spent (then
     * {@link #RUNNING}), or nothing may go (then {@link #FAIL}).
     */
    public int evict(long toFree, EvictionPolicy policy, int samples, boolean lazy, long budgetNanos) {
        if (policy == EvictionPolicy.NOEVICTION) {
            return FAIL;
        }
        long start = System.nanoTime();
        long freed = 0;
        int keysFreed = 0;
        while (freed < toFree) {
            Db db = null;
            Entry best = policy.random() ? randomPick(policy.volatileOnly()) : null;
            if (best != null) {
                db = lastRandomDb;
            } else if (!policy.random()) {
                int found = best(policy, samples);
                if (found >= 0) {
                    best = poolEntry[found];
                    db = poolDb[found];
                    removeFromPool(found);
                }
            }
            if (best == null) {
                return FAIL;
            }
            freed += db.evict(best, lazy);
            keysFreed++;
            if ((keysFreed & 15) == 0 && System.nanoTime() - start > budgetNanos) {
                return freed >= toFree ? OK : RUNNING;
            }
        }
        return OK;
    }

    private Db lastRandomDb;

    private Entry randomPick(boolean volatileOnly) {
        for (int i = 0; i < dbs.length; i++) {
            Db db = dbs[nextDb];
            nextDb = (nextDb + 1) % dbs.length;
            Entry e = db.evictionCandidate(volatileOnly);
            if (e != null) {
                lastRandomDb = db;
                return e;
            }
        }
        return null;
    }

    /** Fills the pool from every database and returns the slot of the best candidate still stored, or -1. */
    private int best(EvictionPolicy policy, int samples) {
        boolean volatileOnly = policy.volatileOnly();
        while (true) {
            long total = 0;
            for (Db db : dbs) {
                long n = volatileOnly ? db.expiresSize() : db.size();
                if (n > 0) {
                    populate(db, policy, Math.min(samples, n));
                    total += n;
                }
            }
            if (total == 0) {
                return -1;
            }
            // The highest score is at the end; a candidate whose key went meanwhile is dropped.
            for (int k = POOL_SIZE - 1; k >= 0; k--) {
                if (poolEntry[k] == null) {
                    continue;
                }
                if (poolDb[k].holds(poolEntry[k])
                        && (!volatileOnly || poolEntry[k].expIdx >= 0)) {
                    return k;
                }
                removeFromPool(k);
            }
        }
    }

    /** evictionPoolPopulate: samples {@code count} keys of {@code db} into the pool, kept sorted by score. */
    private void populate(Db db, EvictionPolicy policy, long count) {
        boolean volatileOnly = policy.volatileOnly();
        for (long s = 0; s < count; s++) {
            Entry e = db.evictionCandidate(volatileOnly);
            if (e == null) {
                return;
            }
            if (inPool(e)) {
                continue;
            }
            long idle;
            if (policy.lru()) {
                idle = db.idle(e);
            } else if (policy.lfu()) {
                idle = 255 - db.frequency(e);
            } else {
                idle = Long.MAX_VALUE - e.expireAt;
            }
            int k = 0;
            while (k < POOL_SIZE && poolEntry[k] != null && poolIdle[k] < idle) {
                k++;
            }
            if (k == 0 && poolEntry[POOL_SIZE - 1] != null) {
                continue; // worse than every candidate of a full pool
            }
            if (k < POOL_SIZE && poolEntry[k] == null) {
                // an empty slot: take it
            } else if (poolEntry[POOL_SIZE - 1] == null) {
                // room at the right: shift the better ones right
                System.arraycopy(poolEntry, k, poolEntry, k + 1, POOL_SIZE - k - 1);
                System.arraycopy(poolDb, k, poolDb, k + 1, POOL_SIZE - k - 1);
                System.arraycopy(poolIdle, k, poolIdle, k + 1, POOL_SIZE - k - 1);
            } else {
                // full: drop the worst (leftmost), shift the worse ones left
                k--;
                System.arraycopy(poolEntry, 1, poolEntry, 0, k);
                System.arraycopy(poolDb, 1, poolDb, 0, k);
                System.arraycopy(poolIdle, 1, poolIdle, 0, k);
            }
            poolEntry[k] = e;
            poolDb[k] = db;
            poolIdle[k] = idle;
        }
    }

    private boolean inPool(Entry e) {
        for (Entry p : poolEntry) {
            if (p == e) {
                return true;
            }
        }
        return false;
    }

    private void removeFromPool(int k) {
        System.arraycopy(poolEntry, k + 1, poolEntry, k, POOL_SIZE - k - 1);
        System.arraycopy(poolDb, k + 1, poolDb, k, POOL_SIZE - k - 1);
        System.arraycopy(poolIdle, k + 1, poolIdle, k, POOL_SIZE - k - 1);
        poolEntry[POOL_SIZE - 1] = null;
        poolDb[POOL_SIZE - 1] = null;
    }

    /** Forgets every candidate (after a flush or SWAPDB, the pooled entries are stale). */
    public void clear() {
        java.util.Arrays.fill(poolEntry, null);
        java.util.Arrays.fill(poolDb, null);
    }
}
