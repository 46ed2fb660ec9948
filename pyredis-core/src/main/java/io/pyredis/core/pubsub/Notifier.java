package io.pyredis.core.pubsub;

import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.KeyspaceEventListener;
import io.pyredis.core.client.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keyspace notifications, as Redis's notify.c: an event of an enabled class is published
 * to {@code __keyspace@<db>__:<key>} (message: the event name) when {@code K} is set and to
 * {@code __keyevent@<db>__:<event>} (message: the key) when {@code E} is set. In-process
 * listeners registered by packs get the events of their classes whatever the config says,
 * as Redis modules do. With neither, an event costs two bit tests.
 */
public final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private static final byte[] KEYSPACE_PREFIX = "__keyspace@".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEYEVENT_PREFIX = "__keyevent@".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "__:".getBytes(StandardCharsets.US_ASCII);

    private final PubSub pubsub;
    /** {@code K} of notify-keyspace-events: publish to {@code __keyspace@<db>__:<key>}. */
    public static final int KEYSPACE = 1 << 20;
    /** {@code E} of notify-keyspace-events: publish to {@code __keyevent@<db>__:<event>}. */
    public static final int KEYEVENT = 1 << 21;

    private volatile int flags;
    /** The classes some listener wants, as {@link #bit}s. */
    private int listenerMask;
    private final List<Registered> listeners = new ArrayList<>();
    /** Told whether anyone wants {@code keymiss}, so the keyspace reports misses only then. */
    private Consumer<Boolean> missInterest = on -> { };

    public Notifier(PubSub pubsub) {
        this.pubsub = pubsub;
    }

    /** The bit of {@code type} in the flags: bit {@code ordinal()} of each class. */
    public static int bit(KeyspaceEvent type) {
        return 1 << type.ordinal();
    }

    /**
     * Sets notify-keyspace-events: the classes' {@link #bit}s, {@link #KEYSPACE} and
     * {@link #KEYEVENT}.
     */
    public void setFlags(int flags) {
        this.flags = flags;
        missInterest.accept(wantsMisses());
    }

    /** Installs the hook told (now and on every change) whether {@code keymiss} events are wanted. */
    public void onMissInterest(Consumer<Boolean> hook) {
        this.missInterest = hook;
        hook.accept(wantsMisses());
    }

    /** Whether a {@code keymiss} would reach anyone: a pack's listener, or a channel (m with K or E). */
    private boolean wantsMisses() {
        int miss = bit(KeyspaceEvent.KEY_MISS);
        int f = flags;
        return (listenerMask & miss) != 0
                || ((f & miss) != 0 && (f & (KEYSPACE | KEYEVENT)) != 0);
    }

    /** Registers a pack's listener for {@code types} (on the event loop, at start). */
    public void addListener(Set<KeyspaceEvent> types, KeyspaceEventListener l) {
        int mask = 0;
        for (KeyspaceEvent t : types) {
            mask |= bit(t);
        }
        listeners.add(new Registered(mask, l));
        listenerMask |= mask;
        missInterest.accept(wantsMisses());
    }

    /** Drops {@code l} (a pack being unloaded lets go of its listeners); a listener not registered is ignored. */
    public void removeListener(KeyspaceEventListener l) {
        listeners.removeIf(r -> r.listener == l);
        int mask = 0;
        for (Registered r : listeners) {
            mask |= r.mask;
        }
        listenerMask = mask;
        missInterest.accept(wantsMisses());
    }

    /** Redis's notifyKeyspaceEvent; {@code from} is the client whose command caused it, or null. */
    public void notify(KeyspaceEvent type, String event, int db, byte[] key, Client from) {
        int bit = bit(type);
        if ((listenerMask & bit) != 0) {
            for (int i = 0; i < listeners.size(); i++) {
                Registered r = listeners.get(i);
                if ((r.mask & bit) != 0) {
                    try {
                        r.listener.onKeyspaceEvent(type, event, db, key);
                    } catch (RuntimeException e) {
                        LOG.error("Keyspace event listener failed on '{}'", event, e);
                    }
                }
            }
        }
        int f = flags;
        if ((f & bit) == 0) {
            return;
        }
        byte[] eventBytes = event.getBytes(StandardCharsets.US_ASCII);
        byte[] dbBytes = Integer.toString(db).getBytes(StandardCharsets.US_ASCII);
        if ((f & KEYSPACE) != 0) {
            pubsub.publish(concat(KEYSPACE_PREFIX, dbBytes, SUFFIX, key), eventBytes, from);
        }
        if ((f & KEYEVENT) != 0) {
            pubsub.publish(concat(KEYEVENT_PREFIX, dbBytes, SUFFIX, eventBytes), key, from);
        }
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c, byte[] d) {
        byte[] r = new byte[a.length + b.length + c.length + d.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        System.arraycopy(c, 0, r, a.length + b.length, c.length);
        System.arraycopy(d, 0, r, a.length + b.length + c.length, d.length);
        return r;
    }

    private record Registered(int mask, KeyspaceEventListener listener) {
    }
}
