package io.pyredis.storage.internal;

import io.pyredis.api.Database;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisHash;
import io.pyredis.api.RedisList;
import io.pyredis.api.RedisSet;
import io.pyredis.api.RedisSortedSet;
import io.pyredis.api.RedisValue;
import io.pyredis.storage.LookupRule;
import io.pyredis.storage.MemoryUsage;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One database: what a key's lookup, change and removal mean (lazy expiry, lookup
 * statistics, keyspace listener calls, the running snapshot's copy-on-write hooks,
 * LRU/LFU access tracking) over a {@link KeyTable} of its keys and an
 * {@link ExpiryIndex} of those with a deadline.
 *
 * <p>The deadline lives in the entry itself, so a lookup pays no second hash lookup for
 * the expiry check.
 *
 * <p>Not thread-safe: the keyspace belongs to one thread.
 */
public final class Db implements Database {

    private final int index;
    private final KeyspaceState ks;

    // Not final: SWAPDB swaps them between two databases.
    private KeyTable table = new KeyTable();
    private ExpiryIndex expires = new ExpiryIndex();
    /** The sum of the entries' {@link Entry#mem}: this database's share of used_memory. */
    private long memory;

    public Db(int index, KeyspaceState ks) {
        this.index = index;
        this.ks = ks;
    }

    @Override
    public int index() {
        return index;
    }

    // ---------------------------------------------------------------- Database

    @Override
    public RedisValue get(byte[] key) {
        Entry e = readLookup(key);
        if (e == null) {
            return null;
        }
        touch(e);
        if (ks.save != null) {
            handingOut(e);
        }
        return e.value;
    }

    @Override
    public RedisValue read(byte[] key) {
        Entry e = lookup(key);
        counted(e, key, true);
        if (e == null) {
            return null;
        }
        touch(e);
        // The command promises not to change the value in place: no copy for a snapshot.
        return e.value;
    }

    @Override
    public <T extends RedisValue> T read(byte[] key, Class<T> type) {
        return checked(read(key), key, type);
    }

    /**
     * A lookup as the running command's lookups count: a read command's (Redis's
     * lookupKeyRead) as hits, misses and keymiss events; a write command's (lookupKeyWrite)
     * not at all.
     */
    private Entry readLookup(byte[] key) {
        Entry e = lookup(key);
        if (ks.rule == LookupRule.ALL) {
            counted(e, key, true);
        }
        return e;
    }

    /** {@link #readLookup} without the keymiss event, as OBJECT looks keys up (LOOKUP_NONOTIFY). */
    private Entry silentLookup(byte[] key) {
        Entry e = lookup(key);
        if (ks.rule == LookupRule.ALL) {
            counted(e, key, false);
        }
        return e;
    }

    /** Redis's lookupKey statistics, and the keymiss event when {@code notify}. */
    private void counted(Entry e, byte[] key, boolean notify) {
        if (e != null) {
            ks.hits++;
            return;
        }
        ks.misses++;
        if (notify && ks.reportMisses) {
            ks.listener.keyMissed(index, key);
        }
    }

    @Override
    public <T extends RedisValue> T get(byte[] key, Class<T> type) {
        return checked(get(key), key, type);
    }

    private <T extends RedisValue> T checked(RedisValue v, byte[] key, Class<T> type) {
        if (v == null) {
            return null;
        }
        if (!type.isInstance(v)) {
            ks.wrongTypeKey = key;
            ks.wrongTypeDb = index;
            throw RedisError.WRONGTYPE;
        }
        return type.cast(v);
    }

    @Override
    public boolean exists(byte[] key) {
        return readLookup(key) != null;
    }

    @Override
    public void set(byte[] key, RedisValue value) {
        store(key, value, DROP_TTL, 0);
    }

    @Override
    public void setKeepTtl(byte[] key, RedisValue value) {
        store(key, value, KEEP_TTL, 0);
    }

    @Override
    public void unshare(byte[] key, RedisValue value) {
        Entry e = table.find(key, Hashing.hash(key));
        if (e == null) {
            set(key, value);
            return;
        }
        // The same content in a new object: the snapshot (if it still wants the key) may take either.
        preserve(e);
        e.value = value;
        measure(e);
    }

    @Override
    public void set(byte[] key, RedisValue value, long expireAtMillis) {
        store(key, value, SET_TTL, expireAtMillis);
    }

    /** What {@link #store} does with the key's deadline. */
    private static final int DROP_TTL = 0;
    private static final int KEEP_TTL = 1;
    private static final int SET_TTL = 2;

    /**
     * The three SETs: a new entry, or the found one overwritten (the running snapshot
     * takes the old value first); then the deadline dropped, kept (unless the old key had
     * expired: its deadline died with it), or set to {@code deadline}.
     */
    private void store(byte[] key, RedisValue value, int ttl, long deadline) {
        ks.listener.keyModified(index, key);
        int h = Hashing.hash(key);
        Entry e = table.find(key, h);
        boolean created;
        if (e == null) {
            e = insert(key, h, value);
            created = true;
        } else {
            preserve(e);
            created = overwrite(e, value);
        }
        if (created) {
            ks.listener.keyCreated(index, key);
        }
        if (ttl == SET_TTL) {
            expires.set(e, deadline);
        } else if (e.expIdx >= 0 && (ttl == DROP_TTL || created)) {
            expires.remove(e);
        }
        measure(e);
    }

    /** A delete by the server (RENAME's source, a command emptying a collection): lazyfree-lazy-server-del decides. */
    @Override
    public boolean delete(byte[] key) {
        return delete(key, ks.lazyServerDel);
    }

    /** UNLINK: the value goes to the background when it is costly to release. */
    @Override
    public boolean unlink(byte[] key) {
        return delete(key, true);
    }

    /** Redis's dbGenericDelete: removes {@code key}, its value released in the background when {@code lazy}. */
    public boolean delete(byte[] key, boolean lazy) {
        Entry e = table.find(key, Hashing.hash(key));
        if (e == null) {
            return false;
        }
        boolean expired = ks.now > e.expireAt;
        unlink(e);
        if (expired) {
            // As Redis's lookup before the delete: the key expired, it was not deleted.
            release(e.value, ks.lazyExpire);
            ks.expiredKeys++;
            ks.listener.keyExpired(index, e.key);
            return false;
        }
        release(e.value, lazy);
        ks.listener.keyModified(index, key);
        return true;
    }

    private void release(RedisValue v, boolean lazy) {
        if (lazy) {
            ks.lazyFree.free(v);
        }
    }

    @Override
    public long expireAt(byte[] key) {
        Entry e = readLookup(key);
        if (e == null) {
            return -2;
        }
        return e.expIdx < 0 ? -1 : e.expireAt;
    }

    @Override
    public boolean expireAt(byte[] key, long expireAtMillis) {
        Entry e = lookup(key);
        if (e == null) {
            return false;
        }
        preserve(e);
        expires.set(e, expireAtMillis);
        measure(e);
        ks.listener.keyModified(index, key);
        return true;
    }

    @Override
    public boolean persist(byte[] key) {
        Entry e = lookup(key);
        if (e == null || e.expIdx < 0) {
            return false;
        }
        preserve(e);
        expires.remove(e);
        measure(e);
        ks.listener.keyModified(index, key);
        return true;
    }

    @Override
    public long size() {
        return table.size();
    }

    @Override
    public long expiresSize() {
        return expires.size();
    }

    @Override
    public void clear() {
        clear(false);
    }

    /**
     * Empties the database; with {@code async} (FLUSHDB ASYNC, Redis's emptyDbAsync) the old
     * table goes to the background as a whole, its keys counted by lazyfree, and the keyspace
     * thread touches none of them.
     */
    public void clear(boolean async) {
        if (ks.save != null) {
            ks.save.finishNow();
        }
        long keys = table.size();
        if (async && keys > 0) {
            KeyTable old = table;
            table = new KeyTable();
            ks.lazyFree.freeDatabase(old, keys);
        } else {
            table.clear();
        }
        expires.clear();
        memory = 0;
    }

    /** This database's share of used_memory: its keys and values as Redis would count them. */
    public long memory() {
        return memory;
    }

    /**
     * Re-measures {@code e} after its value or deadline changed. The value's size is
     * sampled ({@link MemoryUsage#datasetSize}), so this costs the same for a collection of
     * any size.
     */
    private void measure(Entry e) {
        long m = MemoryUsage.keyOverhead(e.key) + MemoryUsage.datasetSize(e.value)
                // the bucket pointer, and the expires dict's own entry for a key with a deadline
                + 8 + (e.expIdx >= 0 ? MemoryUsage.DICT_ENTRY : 0);
        memory += m - e.mem;
        e.mem = m;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The returned array is the stored key: the caller must not change it. As Redis on
     * a master, an expired key drawn is deleted and another drawn, so the call ends with a
     * live key or an empty database.
     */
    @Override
    public byte[] randomKey() {
        while (true) {
            Entry e = table.random();
            if (e == null) {
                return null;
            }
            if (ks.now > e.expireAt) {
                unlink(e);
                release(e.value, ks.lazyExpire);
                ks.expiredKeys++;
                ks.listener.keyExpired(index, e.key);
                continue;
            }
            return e.key;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Redis's dictScan ({@link KeyTable#scanStep}): as in Redis, a call visits whole
     * buckets until about {@code count} keys are found or {@code count * 10} buckets were
     * visited. Keys passed to {@code out} are the stored arrays: do not change them.
     */
    @Override
    public long scan(long cursor, int count, Consumer<byte[]> out) {
        if (size() == 0) {
            return 0;
        }
        long maxIterations = Math.max(count, 1) * 10L;
        long emitted = 0;
        long v = cursor;
        do {
            v = table.scanStep(v);
            // All buckets of this step are collected before anything changes the table.
            Entry[] batch = table.batch();
            int n = table.batchSize();
            long now = ks.now;
            for (int i = 0; i < n; i++) {
                Entry e = batch[i];
                if (now > e.expireAt) {
                    // Unlinking dropped the deadline: the null is what says the key is gone.
                    batch[i] = null;
                    // While CLIENT PAUSE keeps the dataset constant the key is only skipped.
                    if (!ks.expiryPaused && unlink(e)) {
                        release(e.value, ks.lazyExpire);
                        ks.expiredKeys++;
                        ks.listener.keyExpired(index, e.key);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                Entry e = batch[i];
                if (e != null) {
                    batch[i] = null;
                    out.accept(e.key);
                    emitted++;
                }
            }
        } while (v != 0 && maxIterations-- > 0 && emitted < count);
        return v;
    }

    @Override
    public RedisValue peek(byte[] key) {
        return handedOut(readLookup(key));
    }

    @Override
    public RedisValue inspect(byte[] key) {
        return handedOut(silentLookup(key));
    }

    private RedisValue handedOut(Entry e) {
        if (e == null) {
            return null;
        }
        if (ks.save != null) {
            handingOut(e);
        }
        return e.value;
    }

    @Override
    public long idleSeconds(byte[] key) {
        Entry e = silentLookup(key);
        if (e == null) {
            return -1;
        }
        // A clock moved backwards reads as "just accessed", as Redis's LRU clock wrap does not apply here.
        return Math.max(0, (long) ks.nowSeconds() - e.access);
    }

    @Override
    public int accessFrequency(byte[] key) {
        Entry e = silentLookup(key);
        return e == null ? -1 : decayedFreq(e, ks.nowSeconds());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Walks the table directly (nothing moves meanwhile), so each key comes once;
     * expired keys are skipped but not removed, as Redis 7.0's KEYS does.
     */
    @Override
    public void forEachKey(Consumer<byte[]> out) {
        long now = ks.now;
        table.forEach(e -> {
            if (now <= e.expireAt) {
                out.accept(e.key);
            }
        });
    }

    // ------------------------------------------------------------ access

    /**
     * Records a read or write of {@code e}: its access time (LRU) and Redis's updateLFU
     * (decay by idle minutes, then a logarithmic increment). Both are kept, whatever the
     * policy, so OBJECT IDLETIME and OBJECT FREQ need no mode switch.
     */
    private void touch(Entry e) {
        int now = ks.nowSeconds();
        int c = now == e.access ? e.freq & 0xff : decayedFreq(e, now);
        if (c < 255) {
            int base = c - KeyspaceState.LFU_INIT_VAL;
            if (base <= 0
                    || ThreadLocalRandom.current().nextDouble() < 1.0 / ((double) base * ks.lfuLogFactor + 1)) {
                c++;
            }
        }
        e.freq = (byte) c;
        e.access = now;
    }

    /** Redis's LFUDecrAndReturn: one off the counter per lfu-decay-time minutes idle. */
    int decayedFreq(Entry e, int now) {
        int c = e.freq & 0xff;
        long minutes = Math.floorDiv(now, 60) - Math.floorDiv(e.access, 60);
        if (minutes <= 0) {
            return c;
        }
        if (ks.lfuDecayTime == 0) {
            return c;
        }
        long periods = minutes / ks.lfuDecayTime;
        return periods >= c ? 0 : c - (int) periods;
    }

    // ------------------------------------------------------- for persistence

    /** What {@link #forEachEntry} passes each stored key to. */
    @FunctionalInterface
    public interface EntryVisitor<E extends Exception> {
        /** {@code expireAt} is the deadline in unix ms, or -1 for none. */
        void visit(byte[] key, RedisValue value, long expireAt) throws E;
    }

    /**
     * Passes every live key with its value and deadline to {@code v}, without counting as
     * an access and without changing anything (so a snapshot sees one consistent state).
     */
    public <E extends Exception> void forEachEntry(EntryVisitor<E> v) throws E {
        long now = ks.now;
        table.forEach(e -> {
            if (now <= e.expireAt) {
                v.visit(e.key, e.value, e.expIdx < 0 ? -1 : e.expireAt);
            }
        });
    }

    /**
     * Passes every stored key, expired or not (DEBUG DIGEST walks Redis's dict, where a key
     * past its deadline stays until it is reclaimed), without counting as an access.
     */
    public <E extends Exception> void forEachStored(EntryVisitor<E> v) throws E {
        table.forEach(e -> v.visit(e.key, e.value, e.expIdx < 0 ? -1 : e.expireAt));
    }

    /** The stored entry of {@code key}, expired or not, to {@code v}; false when there is none. */
    public <E extends Exception> boolean visitStored(byte[] key, EntryVisitor<E> v) throws E {
        Entry e = table.find(key, Hashing.hash(key));
        if (e == null) {
            return false;
        }
        v.visit(e.key, e.value, e.expIdx < 0 ? -1 : e.expireAt);
        return true;
    }

    /**
     * Adds a key read from a snapshot, telling no listener; {@code expireAt} -1 for none.
     * Returns false (and changes nothing) when the key is already there.
     */
    public boolean load(byte[] key, RedisValue value, long expireAt) {
        return load(key, value, expireAt, false);
    }

    /**
     * {@link #load(byte[], RedisValue, long)}; with {@code replace} (Redis's
     * RDBFLAGS_ALLOW_DUP, DEBUG RELOAD MERGE) a key already there is replaced quietly.
     */
    public boolean load(byte[] key, RedisValue value, long expireAt, boolean replace) {
        int h = Hashing.hash(key);
        Entry old = table.find(key, h);
        if (old != null) {
            if (!replace) {
                return false;
            }
            unlink(old);
        }
        Entry e = insert(key, h, value);
        if (expireAt >= 0) {
            expires.set(e, expireAt);
        }
        measure(e);
        return true;
    }

    /** Sets every key's access time to now, keeping its LFU counter (after a replay at time 0). */
    public void touchAllQuietly() {
        int now = ks.nowSeconds();
        table.forEach(e -> e.access = now);
    }

    // ------------------------------------------------------------- snapshots

    /**
     * Hands the running snapshot a key it has not written yet, before the key changes or
     * goes: every change to a stored key passes here first (overwrite, delete, expiry,
     * deadline change), so the snapshot holds each key as it was when the snapshot began.
     */
    private void preserve(Entry e) {
        SaveHook save = ks.save;
        if (save != null && e.saveMark != ks.saveMark) {
            e.saveMark = ks.saveMark;
            save.preserve(index, e.key, e.value, e.expIdx < 0 ? -1 : e.expireAt);
        }
    }

    /**
     * A value is handed to a command, which may change it in place: unless the command is
     * a read command (its lookups are {@link LookupRule#ALL}), the snapshot takes the key
     * first. Changes in place need a lookup first, so this covers them all.
     */
    private void handingOut(Entry e) {
        if (ks.rule != LookupRule.ALL) {
            preserve(e);
        }
    }

    /**
     * One step of a snapshot's walk over this database: the buckets of one SCAN step
     * ({@link #scan}'s cursor, which visits every key present throughout the walk however
     * the table is resized meanwhile), passing each key not written yet to {@code out} and
     * marking it written. Nothing is expired or counted.
     *
     * @return the next cursor, 0 when the walk of this database is over
     */
    public <E extends Exception> long saveStep(long cursor, EntryVisitor<E> out) throws E {
        if (size() == 0) {
            return 0;
        }
        long next = table.scanStep(cursor);
        Entry[] batch = table.batch();
        int n = table.batchSize();
        byte mark = ks.saveMark;
        try {
            for (int i = 0; i < n; i++) {
                Entry e = batch[i];
                batch[i] = null;
                if (e.saveMark != mark) {
                    e.saveMark = mark;
                    out.visit(e.key, e.value, e.expIdx < 0 ? -1 : e.expireAt);
                }
            }
        } finally {
            for (int i = 0; i < n; i++) {
                batch[i] = null;
            }
        }
        return next;
    }

    // ------------------------------------------------------- for eviction

    /** A random key for eviction to consider, from all keys or only those with a deadline; null when none. */
    Entry evictionCandidate(boolean volatileOnly) {
        return volatileOnly ? expires.random(ThreadLocalRandom.current()) : table.random();
    }

    /** Whether {@code e} is still this database's entry for its key (a pooled candidate may have gone). */
    boolean holds(Entry e) {
        return table.find(e.key, e.hash) == e;
    }

    /**
     * Removes {@code e} for maxmemory, as performEvictions: counted in evicted_keys,
     * reported to the listener (the {@code evicted} event, watches, propagation as DEL);
     * returns the memory it took.
     */
    long evict(Entry e, boolean lazy) {
        long m = e.mem;
        if (!unlink(e)) {
            return 0;
        }
        release(e.value, lazy);
        ks.evictedKeys++;
        ks.listener.keyEvicted(index, e.key, lazy);
        return m;
    }

    /**
     * Redis's objectSetLRUOrLFU (RESTORE's IDLETIME and FREQ): with an LFU policy the
     * counter becomes {@code freq} (when given), else the access time goes {@code idle}
     * seconds back (when given). Whether anything was set.
     */
    public boolean setAccess(byte[] key, long idleSeconds, int freq, boolean lfuPolicy) {
        Entry e = table.find(key, Hashing.hash(key));
        if (e == null) {
            return false;
        }
        if (lfuPolicy) {
            if (freq < 0) {
                return false;
            }
            e.freq = (byte) Math.min(freq, 255);
            e.access = ks.nowSeconds();
            return true;
        }
        if (idleSeconds < 0) {
            return false;
        }
        e.access = (int) Math.max(Integer.MIN_VALUE, ks.nowSeconds() - idleSeconds);
        return true;
    }

    /** The LFU counter of {@code e} decayed to now, without counting an access (LFUDecrAndReturn). */
    int frequency(Entry e) {
        return decayedFreq(e, ks.nowSeconds());
    }

    /** Seconds since {@code e} was last accessed (estimateObjectIdleTime). */
    long idle(Entry e) {
        return Math.max(0, (long) ks.nowSeconds() - e.access);
    }

    // ------------------------------------------------------- for the Keyspace

    /**
     * One sampling round of the active expiry cycle: looks at up to {@code maxSamples}
     * keys with a deadline and deletes those past {@code now}.
     *
     * @return the number sampled in the high 32 bits, the number deleted in the low 32
     */
    public long sampleExpires(int maxSamples, long now) {
        int num = Math.min(maxSamples, expires.size());
        int sampled = 0;
        int expired = 0;
        while (sampled < num && expires.size() > 0) {
            Entry e = expires.nextSample();
            sampled++;
            if (now > e.expireAt) {
                unlink(e);
                release(e.value, ks.lazyExpire);
                ks.expiredKeys++;
                expired++;
                ks.listener.keyExpired(index, e.key);
            }
        }
        return ((long) sampled << 32) | expired;
    }

    /**
     * Starts shrinking the table if it is under 10% full (Redis's tryResizeHashTables in
     * serverCron), for a table left sparse by deletes that came while it was rehashing.
     */
    public void shrinkIfSparse() {
        table.shrinkIfSparse();
    }

    /** Whether an incremental rehash is under way. */
    public boolean isRehashing() {
        return table.isRehashing();
    }

    /** Moves up to {@code buckets} buckets to the new table; whether rehashing continues. */
    public boolean rehash(int buckets) {
        return table.rehash(buckets);
    }

    /**
     * Whether {@code key} is in the table, expired or not, without expiring it: what
     * Redis's dictFind on the main dict sees (WATCH after FLUSHDB/SWAPDB).
     */
    public boolean isStored(byte[] key) {
        return table.find(key, Hashing.hash(key)) != null;
    }

    /** Whether {@code key} is in the table and past its deadline (Redis's keyIsExpired), without deleting it. */
    public boolean isExpired(byte[] key) {
        Entry e = table.find(key, Hashing.hash(key));
        return e != null && ks.now > e.expireAt;
    }

    /** Swaps the whole contents with {@code other} (SWAPDB); each keeps its index. */
    public void swapContents(Db other) {
        if (ks.save != null) {
            ks.save.finishNow();
        }
        KeyTable t = table;
        table = other.table;
        other.table = t;
        ExpiryIndex x = expires;
        expires = other.expires;
        other.expires = x;
        long m = memory;
        memory = other.memory;
        other.memory = m;
    }

    /** The number of buckets of the table, or of the one being rehashed into; for tests. */
    int buckets() {
        return table.buckets();
    }

    // ------------------------------------------------------------ entries

    /** The entry of {@code key} if live; an expired one is deleted and counted. */
    private Entry lookup(byte[] key) {
        Entry e = table.find(key, Hashing.hash(key));
        if (e != null && ks.now > e.expireAt) {
            if (ks.expiryPaused) {
                return null;
            }
            unlink(e);
            release(e.value, ks.lazyExpire);
            ks.expiredKeys++;
            ks.listener.keyExpired(index, e.key);
            return null;
        }
        return e;
    }

    /**
     * Called when a write finds {@code e}: if it had expired, Redis's lookup before the
     * write would have deleted it and counted it, so count it here.
     */
    private boolean replaced(Entry e) {
        if (ks.now > e.expireAt) {
            ks.expiredKeys++;
            ks.listener.keyExpired(index, e.key);
            return true;
        }
        return false;
    }

    /**
     * Stores a new value in a found entry. An expired one starts over as a new key would
     * (Redis deleted it first); a live one counts as accessed, as Redis's lookup before
     * the write makes it (its LFU counter carries over to the new value).
     */
    private boolean overwrite(Entry e, RedisValue value) {
        boolean expired = replaced(e);
        if (expired) {
            e.freq = KeyspaceState.LFU_INIT_VAL;
            e.access = ks.nowSeconds();
        } else {
            touch(e);
        }
        if (e.value != value) {
            release(e.value, expired ? ks.lazyExpire : ks.lazyServerDel);
        }
        e.value = value;
        return expired;
    }

    /** Adds a key known to be absent. */
    private Entry insert(byte[] key, int h, RedisValue value) {
        Entry e = new Entry(key, h, value);
        e.access = ks.nowSeconds();
        // A key born during a snapshot is not part of it.
        e.saveMark = ks.saveMark;
        table.add(e);
        return e;
    }

    /** Removes {@code e} from the table and the expires array; false if it was not there. */
    private boolean unlink(Entry e) {
        preserve(e);
        if (!table.remove(e)) {
            return false;
        }
        if (e.expIdx >= 0) {
            expires.remove(e);
        }
        memory -= e.mem;
        e.mem = 0;
        return true;
    }

    @Override
    public void modified(byte[] key) {
        Entry e = table.find(key, Hashing.hash(key));
        if (e != null) {
            measure(e);
        }
        ks.listener.keyModified(index, key);
    }

    @Override
    public RedisList createList() {
        return Collections.newList(ks.limits);
    }

    @Override
    public io.pyredis.api.RedisStream createStream() {
        return Collections.newStream();
    }

    @Override
    public RedisHash createHash() {
        return Collections.newHash(ks.limits);
    }

    @Override
    public RedisSet createSet() {
        return Collections.newSet(ks.limits);
    }

    @Override
    public RedisSortedSet createSortedSet() {
        return Collections.newSortedSet(ks.limits);
    }

    /** DEBUG HTSTATS: dictGetStats of the key table, then of the keys with a deadline. */
    public String hashTableStats() {
        DictStats keys = new DictStats();
        table.stats(keys, false);
        DictStats expires = new DictStats();
        table.stats(expires, true);
        return "[Dictionary HT]\n" + keys + "[Expires HT]\n" + expires;
    }

    /** DEBUG OBJECT's "Value at": an identity of {@code key}'s stored entry, stable while the key lives; 0 when absent. */
    public long identity(byte[] key) {
        Entry e = table.find(key, Hashing.hash(key));
        return e == null ? 0 : System.identityHashCode(e);
    }
}
