package io.pyredis.storage;

/**
 * Told of every change to a key: stored, overwritten, deleted, its deadline changed, or
 * its value changed in place ({@link io.pyredis.api.Database#modified}). The server
 * uses it to wake blocked clients and fail WATCH; it is called on the keyspace thread,
 * synchronously, so it must be cheap when nobody waits on anything.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface KeyListener {

    /** {@code key} of database {@code db} changed; the array must not be kept or changed. */
    void keyModified(int db, byte[] key);

    /** The listener that does nothing. */
    KeyListener NONE = (db, key) -> { };
}
