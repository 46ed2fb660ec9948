package io.pyredis.api;

import java.util.function.Consumer;

/**
 * One numbered database of the keyspace, as a command sees it. Keys are binary-safe.
 *
 * <p>A key past its deadline is invisible to every method here (it is removed on the
 * spot, as Redis's lazy expiry does), even before the active expiry cycle reclaims it.
 *
 * <p>Ownership: arrays passed in ({@code key}, and the bytes inside a value) are kept by
 * the database, so a caller must not change them afterwards. Request arguments are
 * freshly allocated per request, so a command may store them directly.
 *
 * @since 0.1
 */
public interface Database {

    /** The number of this database, as SELECT takes it. */
    int index();

    /**
     * The value at {@code key}, or {@code null} when there is none. In a read command
     * (without the {@link CommandFlag#WRITE} flag) this is Redis's {@code lookupKeyRead}: it
     * counts as a keyspace hit or miss and a miss fires the {@code keymiss} event; in a write
     * command it is {@code lookupKeyWrite}, which counts nothing. The value may be changed in
     * place by a write command (then call {@link #modified}).
     */
    RedisValue get(byte[] key);

    /**
     * The value at {@code key} if it is a {@code type}, {@code null} when there is none;
     * a lookup as {@link #get(byte[])}.
     *
     * @throws RedisError {@link RedisError#WRONGTYPE} when the key holds another type
     */
    <T extends RedisValue> T get(byte[] key, Class<T> type);

    /**
     * The value at {@code key} as a read, whatever the command: Redis's
     * {@code lookupKeyRead}, for a write command that reads a value it does not change, as
     * GETDEL, SET ... GET, COPY's source and the sources of SINTERSTORE do. It counts as a
     * keyspace hit or miss and a miss fires the {@code keymiss} event. The command must not
     * change the value in place. The default is {@link #get(byte[])}.
     *
     * @since 0.1
     */
    default RedisValue read(byte[] key) {
        return get(key);
    }

    /**
     * {@link #read(byte[])}, checked to be a {@code type}.
     *
     * @throws RedisError {@link RedisError#WRONGTYPE} when the key holds another type
     * @since 0.1
     */
    default <T extends RedisValue> T read(byte[] key, Class<T> type) {
        return get(key, type);
    }

    /** Whether {@code key} exists. */
    boolean exists(byte[] key);

    /** Stores {@code value} at {@code key} and removes any time to live, as SET does. */
    void set(byte[] key, RedisValue value);

    /** Stores {@code value} at {@code key} keeping its time to live, as SET KEEPTTL or INCR do. */
    void setKeepTtl(byte[] key, RedisValue value);

    /**
     * Puts {@code value}, the same content as the value at {@code key} in a new object, in
     * its place without it counting as a change: no keyspace listener, WATCH or persistence
     * sees it, the time to live stays. Redis's {@code dbUnshareStringValue}: a write command
     * about to change a string in place (SETBIT, BITFIELD) first swaps a shared or embedded
     * one for a {@link GrowableString} of its own, which shows as encoding {@code raw} even
     * when the command then changes nothing. The default is {@link #setKeepTtl}.
     *
     * @since 0.1
     */
    default void unshare(byte[] key, RedisValue value) {
        setKeepTtl(key, value);
    }

    /**
     * Stores {@code value} at {@code key} to expire at {@code expireAtMillis} (unix ms).
     * A deadline already past leaves the key invisible: deleting it is the caller's
     * choice to make (Redis deletes at once and reports a {@code del}).
     */
    void set(byte[] key, RedisValue value, long expireAtMillis);

    /** Removes {@code key}; whether it existed. */
    boolean delete(byte[] key);

    /**
     * UNLINK: removes {@code key} as {@link #delete} does, its value released off the
     * keyspace thread when that is costly (a big collection); whether it existed.
     *
     * @since 0.1
     */
    default boolean unlink(byte[] key) {
        return delete(key);
    }

    /** The deadline of {@code key} in unix ms; -1 when it has none; -2 when there is no key. */
    long expireAt(byte[] key);

    /** Sets the deadline of an existing {@code key}; false when there is no key. */
    boolean expireAt(byte[] key, long expireAtMillis);

    /** Removes the deadline of {@code key}; whether it had one. */
    boolean persist(byte[] key);

    /** The number of keys, as DBSIZE replies (expired keys not yet reclaimed included, as in Redis). */
    long size();

    /** The number of keys with a deadline. */
    long expiresSize();

    /** Removes every key. */
    void clear();

    /** A random live key, or {@code null} when the database is empty. */
    byte[] randomKey();

    /**
     * One step of a SCAN iteration: passes about {@code count} live keys to {@code out}
     * and returns the cursor to continue from, 0 when the iteration is complete. Every key
     * present for the whole iteration is passed at least once, however the database
     * grows or shrinks between steps; a key may be passed more than once.
     */
    long scan(long cursor, int count, Consumer<byte[]> out);

    /**
     * The value at {@code key} without counting as an access: the key's access time and
     * frequency (OBJECT IDLETIME, OBJECT FREQ) do not change, as TYPE, OBJECT and SCAN's
     * TYPE filter look keys up in Redis (in a read command, the hit and miss statistics
     * still count it, as Redis's do). An expired key is still removed. The default is
     * {@link #get(byte[])}.
     *
     * @since 0.1
     */
    default RedisValue peek(byte[] key) {
        return get(key);
    }

    /**
     * {@link #peek} without the {@code keymiss} event, as OBJECT looks keys up (Redis's
     * {@code LOOKUP_NOTOUCH | LOOKUP_NONOTIFY}): the access time does not change, a read
     * command still counts the hit or miss. The default is {@link #peek}.
     *
     * @since 0.1
     */
    default RedisValue inspect(byte[] key) {
        return peek(key);
    }

    /**
     * The seconds since {@code key} was last read or written, as OBJECT IDLETIME replies;
     * -1 when there is no key. Does not count as an access; looked up as {@link #inspect}. The default, for databases
     * that do not track access, is 0 for an existing key.
     *
     * @since 0.1
     */
    default long idleSeconds(byte[] key) {
        return exists(key) ? 0 : -1;
    }

    /**
     * The logarithmic access-frequency counter of {@code key} (0-255, decayed by the
     * minutes since its last access), as OBJECT FREQ replies under an LFU maxmemory
     * policy; -1 when there is no key. Does not count as an access; looked up as
     * {@link #inspect}. The default, for
     * databases that do not track access, is 0 for an existing key.
     *
     * @since 0.1
     */
    default int accessFrequency(byte[] key) {
        return exists(key) ? 0 : -1;
    }

    /**
     * Passes every live key to {@code out} exactly once, in no particular order, as KEYS
     * needs; expired keys are skipped. {@code out} must not change this database. Keys
     * passed are the stored arrays: do not change them. The default walks
     * {@link #scan(long, int, Consumer)} and drops the repeats it may bring.
     *
     * @since 0.1
     */
    default void forEachKey(Consumer<byte[]> out) {
        java.util.Set<java.nio.ByteBuffer> seen = new java.util.HashSet<>();
        long cursor = 0;
        do {
            cursor = scan(cursor, 1024, k -> {
                if (seen.add(java.nio.ByteBuffer.wrap(k))) {
                    out.accept(k);
                }
            });
        } while (cursor != 0);
    }

    /**
     * Tells the server that the value at {@code key} was changed in place (an element
     * pushed onto a stored list, a field set in a stored hash). {@link #set},
     * {@link #delete} and the other methods here call it themselves; a command that
     * changes a stored collection calls it once per key it changed. It is what wakes
     * clients blocked on the key, fails WATCH and counts changes for persistence.
     */
    void modified(byte[] key);

    /** A new, empty list, not stored yet: fill it, then {@link #set} it. */
    RedisList createList();

    /** A new, empty hash, not stored yet. */
    RedisHash createHash();

    /** A new, empty set, not stored yet. */
    RedisSet createSet();

    /** A new, empty sorted set, not stored yet. */
    RedisSortedSet createSortedSet();

    /**
     * A new, empty stream, not stored yet. The default throws
     * {@link UnsupportedOperationException}, for databases without streams.
     *
     * @since 0.1
     */
    default RedisStream createStream() {
        throw new UnsupportedOperationException("no streams in this database");
    }
}
