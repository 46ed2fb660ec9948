package io.pyredis.storage;

/**
 * Told of every change to a key: stored, overwritten, deleted, its deadline changed, or
 * its value changed in place ({@link io.pyredis.api.Database#modified}). The server
 * uses it to wake blocked clients, fail WATCH and send keyspace notifications; it is
 * called on the keyspace thread, synchronously, so it must be cheap when nobody waits on
 * anything, and it must not change the keyspace.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface KeyListener {

    /** {@code key} of database {@code db} changed; the array must not be kept or changed. */
    void keyModified(int db, byte[] key);

    /**
     * {@code key} of database {@code db} was removed because its deadline passed: found
     * expired by a lookup or a write (lazy expiry), by SCAN or RANDOMKEY, or by the active
     * expiry cycle. Redis's {@code expired} event. Not also reported as
     * {@link #keyModified}. The array must not be kept or changed.
     *
     * @since 0.1
     */
    default void keyExpired(int db, byte[] key) {
    }

    /**
     * {@code key} of database {@code db} was just added (it did not exist, or had
     * expired): Redis's {@code new} event, reported after {@link #keyModified} and after
     * the key is stored. The array must not be kept or changed.
     *
     * @since 0.1
     */
    default void keyCreated(int db, byte[] key) {
    }

    /**
     * A read lookup of {@code key} in database {@code db} found nothing (see
     * {@link LookupRule}): Redis's {@code keymiss} event. Called only while
     * {@link Keyspace#reportMisses} is on, so it costs nothing when nobody listens. The
     * array must not be kept or changed.
     *
     * @since 0.1
     */
    default void keyMissed(int db, byte[] key) {
    }

    /**
     * {@code key} of database {@code db} was removed by maxmemory eviction: Redis's
     * {@code evicted} event, a DEL to propagate, and a change for WATCH and tracking (its
     * signalModifiedKey). Not also reported as {@link #keyModified}. The array must not be
     * kept or changed.
     *
     * @param lazy whether the value went to the background (lazyfree-lazy-eviction): Redis
     *             then propagates UNLINK rather than DEL
     * @since 0.1
     */
    default void keyEvicted(int db, byte[] key, boolean lazy) {
    }

    /** The listener that does nothing. */
    KeyListener NONE = (db, key) -> { };
}
