package io.pyredis.storage;

import io.pyredis.api.Database;
import io.pyredis.storage.internal.Db;
import io.pyredis.storage.internal.Evictor;
import io.pyredis.storage.internal.KeyspaceState;

import java.util.Objects;

/**
 * The databases of the server, their expiry, and the keyspace statistics INFO reports.
 *
 * <p>Confined to one thread, like Redis's main thread: nothing here is synchronized. The
 * owner calls {@link #refreshTime()} before each command, so a command sees one time for
 * all its lazy-expiry checks, and {@link #activeExpireCycle(long)} {@code hz} times a
 * second to reclaim expired keys nobody touches.
 *
 * @since 0.1
 */
public final class Keyspace {

    /** Redis's ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP. */
    private static final int KEYS_PER_LOOP = 20;
    /** Redis's ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE: keep sampling a db while above it. */
    private static final int ACCEPTABLE_STALE_PERCENT = 10;
    /** Redis's CRON_DBS_PER_CALL. */
    private static final int DBS_PER_CALL = 16;
    /** Buckets moved per step when the cycle has time left for rehashing. */
    private static final int REHASH_BUCKETS_PER_STEP = 100;

    private final Clock clock;
    private final KeyspaceState state;
    private final Db[] dbs;

    /** An append-only file is being replayed: see {@link #loadingStarted()}. */
    private boolean loading;
    /** The database the next active expiry cycle starts with. */
    private int nextDb;
    /** Whether the last cycle ran out of time (the next one then visits every db). */
    private boolean lastCycleTimedOut;
    private long timeCapReached;
    private ModuleTypes moduleTypes = ModuleTypes.NONE;
    private final Evictor evictor;

    /**
     * @param databases the number of databases, at least 1 ({@code databases} in redis.conf)
     * @param clock     where the time comes from
     */
    public Keyspace(int databases, Clock clock) {
        if (databases < 1) {
            throw new IllegalArgumentException("databases must be at least 1: " + databases);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = new KeyspaceState(clock.millis());
        this.dbs = new Db[databases];
        for (int i = 0; i < databases; i++) {
            dbs[i] = new Db(i, state);
        }
        this.evictor = new Evictor(dbs);
    }

    /** Where this keyspace gets the time. */
    public Clock clock() {
        return clock;
    }

    /** Installs the listener told of every key change, replacing all others; {@code null} for none. */
    public void setKeyListener(KeyListener listener) {
        state.listener = listener == null ? KeyListener.NONE : listener;
    }

    /**
     * Adds a listener told of every key change after those installed before it (the
     * blocking registry and the persistence dirty counter each have one).
     */
    public void addKeyListener(KeyListener listener) {
        KeyListener first = state.listener;
        KeyListener second = java.util.Objects.requireNonNull(listener, "listener");
        // Every method is forwarded: a chain that passed on only keyModified would silently
        // stop expiry and creation events reaching the first listener.
        state.listener = first == KeyListener.NONE ? second : new KeyListener() {
            @Override
            public void keyModified(int db, byte[] key) {
                first.keyModified(db, key);
                second.keyModified(db, key);
            }

            @Override
            public void keyExpired(int db, byte[] key) {
                first.keyExpired(db, key);
                second.keyExpired(db, key);
            }

            @Override
            public void keyCreated(int db, byte[] key) {
                first.keyCreated(db, key);
                second.keyCreated(db, key);
            }

            @Override
            public void keyMissed(int db, byte[] key) {
                first.keyMissed(db, key);
                second.keyMissed(db, key);
            }

            @Override
            public void keyEvicted(int db, byte[] key, boolean lazy) {
                first.keyEvicted(db, key, lazy);
                second.keyEvicted(db, key, lazy);
            }
        };
    }

    /**
     * Which lookups of the command about to run count as reads (statistics and
     * {@link KeyListener#keyMissed}); the server sets it before each command and back to
     * {@link LookupRule#NONE} after, so its own lookups never count.
     */
    public void lookupRule(LookupRule rule) {
        state.rule = rule;
    }

    /**
     * Whether the last WRONGTYPE a typed lookup threw since {@link #clearWrongType} was for
     * {@code key} of database {@code db}.
     */
    public boolean wrongTypeWas(int db, byte[] key) {
        return state.wrongTypeKey != null && state.wrongTypeDb == db && java.util.Arrays.equals(state.wrongTypeKey, key);
    }

    /** Forgets the key of the last WRONGTYPE (before a call that may look at it). */
    public void clearWrongType() {
        state.wrongTypeKey = null;
    }

    /** The lookup rule in force (to put it back after a nested command). */
    public LookupRule lookupRule() {
        return state.rule;
    }

    /** Whether read lookups that miss are reported to {@link KeyListener#keyMissed} (off by default). */
    public void reportMisses(boolean on) {
        state.reportMisses = on;
    }

    /** Database {@code index} with its internals, for persistence in this module. */
    Db internalDb(int index) {
        return dbs[index];
    }

    /**
     * The plugin data types RDB loads and RESTORE accepts ({@link ModuleTypes#NONE} until
     * the server sets those of its packs).
     */
    public ModuleTypes moduleTypes() {
        return moduleTypes;
    }

    /** Sets the plugin data types (the server does, at start, before loading the dataset). */
    public void moduleTypes(ModuleTypes types) {
        this.moduleTypes = Objects.requireNonNull(types, "types");
    }

    /**
     * Whether a snapshot's walk is running ({@link BackgroundSave}): only one walks at a
     * time. A synchronous {@link Rdb#save} finishes it first.
     */
    public boolean snapshotRunning() {
        return state.save != null;
    }

    /** The state the databases share, for persistence in this module. */
    KeyspaceState internalState() {
        return state;
    }

    /**
     * DEBUG SET-SKIP-CHECKSUM-VALIDATION: RDB files and RESTORE payloads are taken
     * whatever their CRC64 says (Redis's skip_checksum_validation).
     */
    public volatile boolean skipChecksumValidation;

    /** The collection encoding limits, which the server sets from its config. */
    public EncodingLimits encodingLimits() {
        return state.limits;
    }

    /**
     * Replaying an append-only file: until {@link #loadingFinished()} the time reads 0,
     * before every deadline, so nothing expires and no command finds a deadline already
     * past, as nothing expires while Redis loads. Keys expired by the end go once the
     * clock runs again (lazily or by the active cycle), so a replay gives what the writes
     * gave: a {@code SET k v PXAT t} then {@code INCR k} replayed after {@code t} ends
     * with no {@code k}, not with a {@code k} of 1 that never expires.
     */
    public void loadingStarted() {
        loading = true;
        refreshTime();
    }

    /** The clock runs again; every key counts as accessed now (OBJECT IDLETIME), as when loaded. */
    public void loadingFinished() {
        loading = false;
        refreshTime();
        for (Db db : dbs) {
            db.touchAllQuietly();
        }
    }

    /** The number of databases. */
    public int databases() {
        return dbs.length;
    }

    /**
     * Database {@code index}; the same object for the life of the keyspace (SWAPDB swaps
     * contents, not objects).
     *
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, databases())}
     */
    public Database db(int index) {
        return dbs[index];
    }

    /**
     * Reads the clock and makes that reading the time lazy expiry compares deadlines
     * with until the next call; returns it. Call it before each command.
     */
    public long refreshTime() {
        long now = loading ? 0 : clock.millis();
        state.now = now;
        return now;
    }

    /** The time (unix ms) cached by the last {@link #refreshTime()} (or construction). */
    public long now() {
        return state.now;
    }

    /**
     * Whether {@code key} is stored in database {@code db}, expired or not, without
     * expiring it (Redis's dictFind: what WATCH checks when a database is flushed or
     * swapped).
     */
    public boolean isStored(int db, byte[] key) {
        return dbs[db].isStored(key);
    }

    /**
     * Whether {@code key} of database {@code db} is stored and past its deadline at the
     * cached time, without deleting it (Redis's keyIsExpired: EXEC fails on a watched key
     * that expired meanwhile).
     */
    public boolean isExpired(int db, byte[] key) {
        return dbs[db].isExpired(key);
    }

    /** Removes every key of every database (FLUSHALL). */
    public void flushAll() {
        flushAll(false);
    }

    /** FLUSHALL; with {@code async} the old contents are released in the background (emptyDbAsync). */
    public void flushAll(boolean async) {
        for (Db db : dbs) {
            db.clear(async);
        }
        evictor.clear();
    }

    /** FLUSHDB of database {@code index}; with {@code async} its contents are released in the background. */
    public void flush(int index, boolean async) {
        dbs[index].clear(async);
        evictor.clear();
    }

    // ------------------------------------------------------------- memory

    /**
     * What the dataset takes, as Redis would count its keys and values ({@link
     * MemoryUsage}): kept up to date on every write, so it never includes garbage the JVM
     * has not collected yet.
     */
    public long datasetMemory() {
        long m = 0;
        for (Db db : dbs) {
            m += db.memory();
        }
        return m;
    }

    /** Database {@code index}'s share of {@link #datasetMemory()} (MEMORY STATS's db.N overhead). */
    public long datasetMemory(int index) {
        return dbs[index].memory();
    }

    /**
     * evict.c's performEvictions: while the memory counted ({@code used}) is above
     * {@code maxmemory}, removes keys as {@code policy} chooses, sampling {@code samples}
     * keys per database per round, until enough is freed or {@code budgetMicros} is spent.
     *
     * @return {@link #EVICT_OK}, {@link #EVICT_RUNNING} (over the limit, time spent) or
     *         {@link #EVICT_FAIL} (over the limit, nothing may go)
     */
    public int performEvictions(long used, long maxmemory, EvictionPolicy policy, int samples, boolean lazy,
                                long budgetMicros) {
        if (maxmemory <= 0 || used <= maxmemory || loading) {
            return Evictor.OK;
        }
        // The LFU decay and the LRU idle time are measured from the cached time.
        long budgetNanos = budgetMicros >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : budgetMicros * 1000;
        return evictor.evict(used - maxmemory, policy, samples, lazy, budgetNanos);
    }

    /** {@link #performEvictions}: under the limit, or freed enough (Redis's EVICT_OK). */
    public static final int EVICT_OK = Evictor.OK;
    /** Still over the limit, the time budget spent: go on later (EVICT_RUNNING). */
    public static final int EVICT_RUNNING = Evictor.RUNNING;
    /** Over the limit and nothing left that the policy lets go (EVICT_FAIL). */
    public static final int EVICT_FAIL = Evictor.FAIL;

    /** Keys removed by maxmemory eviction (INFO {@code evicted_keys}). */
    public long evictedKeys() {
        return state.evictedKeys;
    }

    /** The background release of removed values (lazyfree), its counters for INFO. */
    public LazyFree lazyFree() {
        return state.lazyFree;
    }

    /**
     * RESTORE's IDLETIME and FREQ, as Redis's objectSetLRUOrLFU: under an LFU policy the
     * key's counter becomes {@code freq} (ignored when negative); otherwise its last access
     * goes {@code idleSeconds} back (ignored when negative).
     */
    public void setAccess(int db, byte[] key, long idleSeconds, int freq, boolean lfuPolicy) {
        dbs[db].setAccess(key, idleSeconds, freq, lfuPolicy);
    }

    /** lfu-log-factor and lfu-decay-time. */
    public void lfuParameters(int logFactor, int decayMinutes) {
        state.lfuLogFactor = logFactor;
        state.lfuDecayTime = decayMinutes;
    }

    /** lazyfree-lazy-expire: expired keys are freed lazily, and propagated as UNLINK. */
    public boolean lazyExpire() {
        return state.lazyExpire;
    }

    /** lazyfree-lazy-expire and lazyfree-lazy-server-del. */
    public void lazyFreeOptions(boolean expire, boolean serverDel) {
        state.lazyExpire = expire;
        state.lazyServerDel = serverDel;
    }

    /**
     * Exchanges the contents of databases {@code a} and {@code b} (SWAPDB). Clients keep
     * their selected database number and see the other contents.
     *
     * @throws IndexOutOfBoundsException for a bad index
     */
    public void swap(int a, int b) {
        Objects.checkIndex(a, dbs.length);
        Objects.checkIndex(b, dbs.length);
        if (a != b) {
            dbs[a].swapContents(dbs[b]);
            evictor.clear();
        }
    }

    /** The number of keys in all databases, expired ones not yet reclaimed included. */
    public long totalKeys() {
        long n = 0;
        for (Db db : dbs) {
            n += db.size();
        }
        return n;
    }

    /**
     * One run of Redis's active expiry (expire.c, slow cycle). For each database in turn
     * (up to 16 per call, all when there are fewer or the last run ran out of time;
     * round-robin across calls): take up to 20 keys that have a deadline, delete the
     * expired ones, and repeat while more than 10% of those were expired. The time is
     * checked every 16 rounds and the run stops once {@code budgetMicros} is used up
     * (with 0 it stops at the first check). Time left over after expiry goes to
     * incremental rehashing of tables being resized, as Redis's databasesCron does.
     *
     * <p>Deadlines are compared with a fresh clock reading, as Redis uses mstime() there.
     *
     * <p>Nothing is deleted while {@link #pauseExpiry paused}.
     *
     * @return the number of keys deleted
     */
    public int activeExpireCycle(long budgetMicros) {
        if (state.expiryPaused) {
            return 0;
        }
        long start = System.nanoTime();
        long budgetNanos = budgetMicros >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : Math.max(0, budgetMicros) * 1000;
        int n = dbs.length;
        int dbsPerCall = (n < DBS_PER_CALL || lastCycleTimedOut) ? n : DBS_PER_CALL;
        boolean timedOut = false;
        int iteration = 0;
        int reclaimed = 0;
        for (int j = 0; j < dbsPerCall && !timedOut; j++) {
            Db db = dbs[nextDb];
            nextDb = nextDb + 1 == n ? 0 : nextDb + 1;
            boolean repeat;
            do {
                iteration++;
                if (db.expiresSize() == 0) {
                    break;
                }
                long r = db.sampleExpires(KEYS_PER_LOOP, clock.millis());
                int sampled = (int) (r >>> 32);
                int expired = (int) r;
                reclaimed += expired;
                repeat = (long) expired * 100 > (long) sampled * ACCEPTABLE_STALE_PERCENT;
                if ((iteration & 0xf) == 0 && System.nanoTime() - start >= budgetNanos) {
                    timedOut = true;
                    break;
                }
            } while (repeat);
        }
        lastCycleTimedOut = timedOut;
        if (timedOut) {
            timeCapReached++;
        }
        if (!timedOut) {
            rehashWithin(start, budgetNanos);
        }
        return reclaimed;
    }

    private void rehashWithin(long start, long budgetNanos) {
        for (Db db : dbs) {
            db.shrinkIfSparse();
        }
        for (Db db : dbs) {
            while (db.isRehashing()) {
                if (System.nanoTime() - start >= budgetNanos) {
                    return;
                }
                db.rehash(REHASH_BUCKETS_PER_STEP);
            }
        }
    }

    /**
     * CLIENT PAUSE: while paused, keys past their deadline look gone to lookups but are not
     * deleted or counted, and the active cycle deletes nothing (the dataset stays constant).
     */
    public void pauseExpiry(boolean paused) {
        state.expiryPaused = paused;
    }

    /** Keys removed because their deadline passed, lazily or actively (INFO {@code expired_keys}). */
    public long expiredKeys() {
        return state.expiredKeys;
    }

    /** Lookups by {@link Database#get} that found their key (INFO {@code keyspace_hits}). */
    public long keyspaceHits() {
        return state.hits;
    }

    /** Lookups by {@link Database#get} that did not (INFO {@code keyspace_misses}). */
    public long keyspaceMisses() {
        return state.misses;
    }

    /** Active expiry runs that stopped at their time budget (INFO {@code expired_time_cap_reached_count}). */
    public long expiredTimeCapReachedCount() {
        return timeCapReached;
    }

    /** Zeroes the hit, miss, expired and time-cap counters (CONFIG RESETSTAT). */
    public void resetStats() {
        timeCapReached = 0;
        state.hits = 0;
        state.misses = 0;
        state.expiredKeys = 0;
        state.evictedKeys = 0;
        state.lazyFree.resetStats();
    }
}
