package io.pyredis.core.exec;

import io.pyredis.api.KeyspaceEvent;
import io.pyredis.core.pubsub.Notifier;
import io.pyredis.storage.KeyListener;

import java.nio.charset.StandardCharsets;

/**
 * The keyspace's one {@link KeyListener} in the core, fanning each change out to those who
 * care: the call unit's change count (verbatim propagation), blocked clients (a key they wait
 * on changed), watches (EXEC must fail), client tracking (invalidations), keyspace notifications ({@code expired},
 * {@code new}, {@code keymiss}) and propagation (an expired key is propagated as DEL).
 */
public final class KeyEvents implements KeyListener {

    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNLINK = "UNLINK".getBytes(StandardCharsets.US_ASCII);

    private final CallUnit unit;
    private final BlockedClients blocked;
    private final Watches watches;
    private final Notifier notifier;
    private final Propagation propagation;
    private final Tracking tracking;

    public KeyEvents(CallUnit unit, Tracking tracking) {
        this.tracking = tracking;
        this.unit = unit;
        this.blocked = unit.blocked();
        this.watches = unit.watches();
        this.notifier = unit.notifier();
        this.propagation = unit.propagation();
    }

    @Override
    public void keyModified(int db, byte[] key) {
        unit.keyModified();
        blocked.keyModified(db, key);
        watches.keyModified(db, key);
        tracking.keyModified(key);
    }

    /**
     * As Redis's deleteExpiredKeyAndPropagate: the watches and the {@code expired} event,
     * then a DEL in the current unit (before the command's own record), or on its own when
     * no command runs (the active expiry cycle).
     */
    @Override
    public void keyExpired(int db, byte[] key) {
        watches.keyExpired(db, key);
        tracking.keyRemovedByServer(key);
        notifier.notify(KeyspaceEvent.EXPIRED, "expired", db, key, null);
        if (propagation.active()) {
            // propagateDeletion: UNLINK when lazyfree-lazy-expire freed it lazily.
            byte[] del = unit.keyspace().lazyExpire() ? UNLINK : DEL;
            propagation.add(db, new byte[][] {del, key.clone()}, false);
            if (!unit.inCall()) {
                propagation.commit();
            }
        }
    }

    /**
     * As performEvictions: signalModifiedKey (watches), the {@code evicted} event, and a
     * DEL (UNLINK when freed lazily) propagated on its own, as eviction runs before the
     * command (propagateDeletion).
     */
    @Override
    public void keyEvicted(int db, byte[] key, boolean lazy) {
        // signalModifiedKey: WATCH fails; a deleted key wakes no blocked client.
        watches.keyModified(db, key);
        tracking.keyRemovedByServer(key);
        notifier.notify(KeyspaceEvent.EVICTED, "evicted", db, key, null);
        if (propagation.active()) {
            propagation.add(db, new byte[][] {lazy ? UNLINK : DEL, key.clone()}, false);
            if (!unit.inCall()) {
                propagation.commit();
            }
        }
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
