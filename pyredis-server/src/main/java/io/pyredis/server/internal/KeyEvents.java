package io.pyredis.server.internal;

import io.pyredis.api.KeyspaceEvent;
import io.pyredis.storage.KeyListener;

/**
 * The keyspace's one {@link KeyListener}, fanning each change out to those who care:
 * blocked clients (a key they wait on changed), watches (EXEC must fail) and keyspace
 * notifications ({@code expired}, {@code new}, {@code keymiss}).
 */
final class KeyEvents implements KeyListener {

    private final BlockedClients blocked;
    private final Watches watches;
    private final Notifier notifier;

    KeyEvents(BlockedClients blocked, Watches watches, Notifier notifier) {
        this.blocked = blocked;
        this.watches = watches;
        this.notifier = notifier;
    }

    @Override
    public void keyModified(int db, byte[] key) {
        blocked.keyModified(db, key);
        watches.keyModified(db, key);
    }

    @Override
    public void keyExpired(int db, byte[] key) {
        watches.keyExpired(db, key);
        notifier.notify(KeyspaceEvent.EXPIRED, "expired", db, key, null);
    }

    @Override
    public void keyCreated(int db, byte[] key) {
        notifier.notify(KeyspaceEvent.NEW, "new", db, key, null);
    }

    /** Only while the notifier wants it (Keyspace#reportMisses): a read lookup missed. */
    @Override
    public void keyMissed(int db, byte[] key) {
        notifier.notify(KeyspaceEvent.KEY_MISS, "keymiss", db, key, null);
    }
}
