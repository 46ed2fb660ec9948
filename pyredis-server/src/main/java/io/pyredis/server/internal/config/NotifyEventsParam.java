package io.pyredis.server.internal.config;

import io.pyredis.api.KeyspaceEvent;
import io.pyredis.core.pubsub.Notifier;

/**
 * {@code notify-keyspace-events}: which keyspace notifications are published, as Redis's
 * flag letters (notify.c). The value is the {@link Notifier}'s bit set: a bit per
 * {@link KeyspaceEvent} class, plus {@link #KEYSPACE} ({@code K}) and {@link #KEYEVENT}
 * ({@code E}). CONFIG GET shows it normalised as Redis does ({@code "KEA"} reads back
 * {@code "AKE"}).
 */
public final class NotifyEventsParam extends ConfigParam<Integer> {

    /** {@code K}: publish to {@code __keyspace@<db>__:<key>}. */
    public static final int KEYSPACE = Notifier.KEYSPACE;
    /** {@code E}: publish to {@code __keyevent@<db>__:<event>}. */
    public static final int KEYEVENT = Notifier.KEYEVENT;
    /** {@code A}: Redis's NOTIFY_ALL, {@code g$lshzxetd} (not {@code m} nor {@code n}). */
    public static final int ALL = bit(KeyspaceEvent.GENERIC) | bit(KeyspaceEvent.STRING) | bit(KeyspaceEvent.LIST)
            | bit(KeyspaceEvent.SET) | bit(KeyspaceEvent.HASH) | bit(KeyspaceEvent.ZSET)
            | bit(KeyspaceEvent.EXPIRED) | bit(KeyspaceEvent.EVICTED) | bit(KeyspaceEvent.STREAM)
            | bit(KeyspaceEvent.MODULE);

    /** The order Redis's keyspaceEventsFlagsToString writes the class letters in. */
    private static final KeyspaceEvent[] SHOWN = {KeyspaceEvent.GENERIC, KeyspaceEvent.STRING, KeyspaceEvent.LIST,
        KeyspaceEvent.SET, KeyspaceEvent.HASH, KeyspaceEvent.ZSET, KeyspaceEvent.EXPIRED, KeyspaceEvent.EVICTED,
        KeyspaceEvent.STREAM, KeyspaceEvent.MODULE, KeyspaceEvent.NEW};

    public NotifyEventsParam() {
        super("notify-keyspace-events", null, java.util.Set.of(), 0);
    }

    /** The bit of {@code type} in the value. */
    public static int bit(KeyspaceEvent type) {
        return Notifier.bit(type);
    }

    /** The current flags, unboxed. */
    public int flags() {
        return value();
    }

    @Override
    protected Integer parse(String text) throws BadValueException {
        int flags = toFlags(text);
        if (flags < 0) {
            throw bad("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
        }
        return flags;
    }

    /** Redis's keyspaceEventsStringToFlags: the flags of {@code s}, or -1 for an unknown letter. */
    static int toFlags(String s) {
        int flags = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'A': flags |= ALL; break;
                case 'K': flags |= KEYSPACE; break;
                case 'E': flags |= KEYEVENT; break;
                default:
                    KeyspaceEvent t = ofLetter(c);
                    if (t == null) {
                        return -1;
                    }
                    flags |= bit(t);
            }
        }
        return flags;
    }

    private static KeyspaceEvent ofLetter(char c) {
        for (KeyspaceEvent t : KeyspaceEvent.values()) {
            if (t.letter() == c) {
                return t;
            }
        }
        return null;
    }

    /**
     * Redis's keyspaceEventsFlagsToString: {@code A} when every class of NOTIFY_ALL is on
     * (and then, as in Redis, not {@code n} either), else the class letters; then
     * {@code K}, {@code E}, {@code m}.
     */
    @Override
    protected String format(Integer v) {
        int flags = v;
        StringBuilder sb = new StringBuilder();
        if ((flags & ALL) == ALL) {
            sb.append('A');
        } else {
            for (KeyspaceEvent t : SHOWN) {
                if ((flags & bit(t)) != 0) {
                    sb.append(t.letter());
                }
            }
        }
        if ((flags & KEYSPACE) != 0) {
            sb.append('K');
        }
        if ((flags & KEYEVENT) != 0) {
            sb.append('E');
        }
        if ((flags & bit(KeyspaceEvent.KEY_MISS)) != 0) {
            sb.append('m');
        }
        return sb.toString();
    }
}
