package io.pyredis.api;

/**
 * Receives keyspace events in-process, as a Redis module's keyspace-event subscription
 * does: every event of the classes it was registered for with
 * {@link PackContext#onKeyspaceEvent}, whatever {@code notify-keyspace-events} says.
 *
 * <p>It is called on the server's command thread, synchronously, right after the change
 * (for {@code expired}, while the lookup that found the key expired runs). It must be
 * quick, must not block, and must not change the keyspace; to react with a write, hand the
 * work to another thread or remember it for the next command.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface KeyspaceEventListener {

    /**
     * One event.
     *
     * @param type  its class
     * @param event Redis's event name ({@code "set"}, {@code "del"}, {@code "expired"}, ...)
     * @param db    the database index
     * @param key   the key; valid only during the call (copy it to keep it)
     */
    void onKeyspaceEvent(KeyspaceEvent type, String event, int db, byte[] key);
}
