package io.pyredis.core.exec;

import io.pyredis.api.CommandFlag;
import io.pyredis.api.KeyRef;
import io.pyredis.core.client.Client;
import io.pyredis.core.client.ClientRegistry;
import io.pyredis.core.client.TrackingState;
import io.pyredis.core.command.CommandEntry;
import io.pyredis.core.loop.Loop;
import io.pyredis.core.pubsub.PubSub;
import io.pyredis.core.util.Bytes;
import io.pyredis.protocol.RespWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client-side caching, as Redis 7.0.15's tracking.c: the table of keys tracking clients read
 * (key name → the ids of the clients that may cache it; like Redis's, it ignores the
 * database), BCAST's prefix table, and the invalidation messages.
 *
 * <p>It is a {@link CallObserver}: after a {@code readonly} command it remembers the keys the
 * call read (Redis's call() calling trackingRememberKeys), and at the end of the outermost
 * call it sends what was held back for the calling client itself (trackingHandlePendingKeyInvalidations
 * in afterCommand, so the invalidation follows the reply) and trims the table to
 * {@code tracking-table-max-keys}. The keyspace's listener tells it of every modified or
 * expired key (signalModifiedKey), the flush commands of a flush (signalFlushedDb).
 */
public final class Tracking implements CallObserver {

    /** The channel RESP2 redirect clients get invalidations on. */
    private static final byte[] CHANNEL = "__redis__:invalidate".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "$7\r\nmessage\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL2 = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL3 = "_\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];
    /** The scripting commands that are themselves read-only but track through the commands their script runs. */
    private static final List<String> SCRIPT_RO = List.of("eval_ro", "evalsha_ro", "fcall_ro");

    private final CallUnit unit;
    private final ClientRegistry clients;
    private final PubSub pubsub;
    private final Loop loop;

    /** Key → ids of the clients that read it (Redis's TrackingTable). */
    private final HashMap<Bytes, LinkedHashSet<Long>> table = new HashMap<>();
    /** Ids stored across the table (TrackingTableTotalItems). */
    private long totalItems;
    /** BCAST prefix → its clients and the keys under it modified since the last broadcast (PrefixTable). */
    private final TreeMap<byte[], Bcast> prefixes = new TreeMap<>(Arrays::compareUnsigned);
    /** The tracking clients by id (server.tracking_clients, and the clients a flush tells). */
    private final TreeMap<Long, Client> tracking = new TreeMap<>();
    /** Invalidations for the calling client itself, sent after its reply; null is a flush's (tracking_pending_keys). */
    private final ArrayList<byte[]> pending = new ArrayList<>();
    private boolean everEnabled;
    private boolean broadcastScheduled;
    private volatile long maxKeys = 1_000_000;
    /** How many times in a row the table was still too big after trimming (trackingLimitUsedSlots' timeout_counter). */
    private int timeoutCounter;

    private static final class Bcast {
        /** Modified keys → the client that modified each last (null: expiry), in key order. */
        TreeMap<byte[], Client> keys = new TreeMap<>(Arrays::compareUnsigned);
        final LinkedHashSet<Client> clients = new LinkedHashSet<>();
    }

    public Tracking(CallUnit unit, ClientRegistry clients, PubSub pubsub, Loop loop) {
        this.unit = unit;
        this.clients = clients;
        this.pubsub = pubsub;
        this.loop = loop;
    }

    /** {@code tracking-table-max-keys}: 0 for no limit. */
    public void maxKeys(long max) {
        this.maxKeys = max;
    }

    // ---- INFO ------------------------------------------------------------------------

    /** INFO's tracking_clients. */
    public int clientCount() {
        return tracking.size();
    }

    /** INFO's tracking_total_keys. */
    public int totalKeys() {
        return table.size();
    }

    /** INFO's tracking_total_items. */
    public long totalItems() {
        return totalItems;
    }

    /** INFO's tracking_total_prefixes. */
    public int totalPrefixes() {
        return prefixes.size();
    }

    // ---- CLIENT TRACKING -------------------------------------------------------------

    /**
     * Redis's checkPrefixCollisionsOrReply: the error text when one of {@code newPrefixes}
     * overlaps one {@code c} has or another of the list (one is a prefix of the other), or null.
     */
    public static String prefixCollision(Client c, List<byte[]> newPrefixes) {
        TrackingState t = c.tracking();
        for (int i = 0; i < newPrefixes.size(); i++) {
            byte[] p = newPrefixes.get(i);
            if (t != null) {
                for (byte[] old : t.prefixes) {
                    if (overlap(old, p)) {
                        return "ERR Prefix '" + cString(p) + "' overlaps with an existing prefix '" + cString(old)
                                + "'. Prefixes for a single client must not overlap.";
                    }
                }
            }
            for (int j = i + 1; j < newPrefixes.size(); j++) {
                if (overlap(p, newPrefixes.get(j))) {
                    return "ERR Prefix '" + cString(p) + "' overlaps with another provided prefix '"
                            + cString(newPrefixes.get(j)) + "'. Prefixes for a single client must not overlap.";
                }
            }
        }
        return null;
    }

    private static boolean overlap(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        return Arrays.equals(a, 0, n, b, 0, n);
    }

    /** As C's %s prints it: up to the first NUL. */
    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Redis's enableTracking: tracking on for {@code c} with these options (checked by the
     * caller); turning it on again replaces the options and adds BCAST prefixes.
     */
    public void enable(Client c, long redirect, boolean bcast, boolean optin, boolean optout, boolean noloop,
                       List<byte[]> newPrefixes) {
        TrackingState t = c.tracking();
        if (t == null) {
            t = new TrackingState();
            c.tracking(t);
            tracking.put(c.id(), c);
        }
        everEnabled = true;
        t.brokenRedirect = false;
        t.redirect = redirect;
        t.bcast = bcast;
        t.optin = optin;
        t.optout = optout;
        t.noloop = noloop;
        if (bcast) {
            if (newPrefixes.isEmpty()) {
                enablePrefix(c, t, EMPTY);
            }
            for (byte[] p : newPrefixes) {
                enablePrefix(c, t, p);
            }
        }
    }

    private void enablePrefix(Client c, TrackingState t, byte[] prefix) {
        Bcast bs = prefixes.computeIfAbsent(prefix.clone(), p -> new Bcast());
        if (bs.clients.add(c)) {
            t.prefixes.add(prefix.clone());
        }
    }

    /** Redis's disableTracking: CLIENT TRACKING OFF, RESET, a client gone. */
    public void disable(Client c) {
        TrackingState t = c.tracking();
        if (t == null) {
            return;
        }
        if (t.bcast) {
            for (byte[] p : t.prefixes) {
                Bcast bs = prefixes.get(p);
                if (bs != null) {
                    bs.clients.remove(c);
                    if (bs.clients.isEmpty()) {
                        prefixes.remove(p);
                    }
                }
            }
        }
        c.tracking(null);
        tracking.remove(c.id());
    }

    // ---- remembering keys (CallObserver) ---------------------------------------------

    @Override
    public void called(Client c, CommandEntry e, byte[][] args, int db, long nanos, int flags, boolean blocked,
                       boolean unblocked) {
        if (tracking.isEmpty() && pending.isEmpty()) {
            return;
        }
        if (e.flags().contains(CommandFlag.READONLY) && !SCRIPT_RO.contains(e.name())) {
            // A script's commands run for another client than the script's caller: as Redis's
            // script_caller, the caller tracks the keys the script declared.
            CallContext script = unit.callerOfOtherClient();
            Client caller = c;
            CommandEntry ce = e;
            byte[][] cargs = args;
            if (script != null) {
                caller = script.client();
                ce = script.entry();
                cargs = script.args();
            }
            TrackingState t = caller.tracking();
            if (t != null && !t.bcast) {
                rememberKeys(caller, t, ce, cargs);
            }
        }
        if (!unit.nested()) {
            sendPending(c);
            TrackingState t = c.tracking();
            if (t != null) {
                t.commandEnded(c.inMulti(), e.name());
            }
            limitUsedSlots();
        }
    }

    /** Redis's trackingRememberKeys. */
    private void rememberKeys(Client caller, TrackingState t, CommandEntry e, byte[][] args) {
        if ((t.optin && !t.caching) || (t.optout && t.caching)) {
            return;
        }
        // Shard channels are keys for cluster routing only; they are not cached.
        if (e.flags().contains(CommandFlag.PUBSUB)) {
            return;
        }
        if (e.hasOwnKeyFinder()) {
            List<KeyRef> keys = e.command().keys(args);
            if (keys != null) {
                for (KeyRef k : keys) {
                    remember(caller, args[k.index()]);
                }
            }
            return;
        }
        // Redis 7.0's getKeysUsingLegacyRangeSpec: COMMAND INFO's first/last/step.
        int first = e.firstKey();
        if (first <= 0) {
            // Movable keys (EVAL's declared keys, ZUNIONSTORE's, XREAD's): what Redis's
            // getkeys_proc for them returns, the keys the key specs find.
            for (KeyRef k : io.pyredis.core.command.KeyFinder.keys(e, args)) {
                remember(caller, args[k.index()]);
            }
            return;
        }
        int last = e.lastKey();
        if (last < 0) {
            last = args.length + last;
        }
        int step = Math.max(1, e.keyStep());
        for (int j = first; j <= last; j += step) {
            if (j >= args.length) {
                return;
            }
            remember(caller, args[j]);
        }
    }

    private void remember(Client caller, byte[] key) {
        LinkedHashSet<Long> ids = table.get(new Bytes(key));
        if (ids == null) {
            ids = new LinkedHashSet<>(2);
            table.put(new Bytes(key.clone()), ids);
        }
        if (ids.add(caller.id())) {
            totalItems++;
        }
    }

    // ---- invalidation ------------------------------------------------------------------

    /** A key was modified (Redis's signalModifiedKey): invalidated for its trackers, remembered for BCAST. */
    public void keyModified(byte[] key) {
        if (!everEnabled) {
            return;
        }
        CallContext inner = unit.innermost();
        invalidate(inner == null ? null : inner.client(), key, true, true);
    }

    /**
     * The server deleted a key, for its expiry or to free memory: signalModifiedKey without a
     * client, as deleteExpiredKeyAndPropagate and performEvictions. Eviction runs before the
     * command, so its invalidations go out ahead of the reply, as processCommand sends them.
     */
    public void keyRemovedByServer(byte[] key) {
        if (everEnabled) {
            invalidate(null, key, true, true);
        }
    }

    /**
     * Redis's trackingInvalidateKey. {@code writer} is the client whose command modified the
     * key (BCAST's NOLOOP); {@code inCall} whether a command modified it (invalidations for
     * the calling client itself then wait for its reply, and NOLOOP spares it); false for
     * the table's limit, applied after the command as Redis's cron applies it.
     */
    private void invalidate(Client writer, byte[] key, boolean bcast, boolean inCall) {
        if (bcast && !prefixes.isEmpty()) {
            rememberForBroadcast(writer, key);
        }
        if (table.isEmpty()) {
            return;
        }
        LinkedHashSet<Long> ids = table.remove(new Bytes(key));
        if (ids == null) {
            return;
        }
        // Outside a command (the table's limit, as Redis's cron) no client is the current one.
        CallContext outer = inCall ? unit.outermost() : null;
        Client current = outer == null ? null : outer.client();
        for (long id : ids) {
            Client target = clients.get(id);
            TrackingState t = target == null ? null : target.tracking();
            // A client that went BCAST since it read the key gets nothing for it.
            if (t == null || t.bcast) {
                continue;
            }
            if (t.noloop && target == current) {
                continue;
            }
            if (target == current && inCall) {
                pending.add(key.clone());
            } else {
                send(target, key, false);
            }
        }
        totalItems -= ids.size();
    }

    private void rememberForBroadcast(Client writer, byte[] key) {
        for (Map.Entry<byte[], Bcast> e : prefixes.entrySet()) {
            byte[] p = e.getKey();
            if (p.length > key.length || !Arrays.equals(p, 0, p.length, key, 0, p.length)) {
                continue;
            }
            e.getValue().keys.put(key.clone(), writer);
        }
        if (!broadcastScheduled) {
            broadcastScheduled = true;
            // Redis's beforeSleep: one message per prefix for what changed in this loop turn.
            loop.execute(this::broadcast);
        }
    }

    /** FLUSHDB, FLUSHALL (Redis's trackingInvalidateKeysOnFlush): a null invalidation to every tracking client, the table emptied. */
    public void flushed() {
        CallContext outer = unit.outermost();
        Client current = outer == null ? null : outer.client();
        for (Client c : tracking.values()) {
            if (c == current) {
                pending.add(null);
            } else {
                send(c, c.protocol() > 2 ? NULL3 : NULL2, true);
            }
        }
        table.clear();
        totalItems = 0;
    }

    /** Redis's trackingHandlePendingKeyInvalidations: after the outermost call, to its client. */
    private void sendPending(Client current) {
        if (pending.isEmpty()) {
            return;
        }
        for (byte[] key : pending) {
            if (key == null) {
                send(current, current.protocol() > 2 ? NULL3 : NULL2, true);
            } else {
                send(current, key, false);
            }
        }
        pending.clear();
    }

    /**
     * Redis's sendTrackingMessage: to the client's own connection in RESP3, to its redirect
     * client (a {@code __redis__:invalidate} message in RESP2, when subscribed), or a
     * {@code tracking-redir-broken} push when the redirect client went away.
     *
     * @param proto {@code payload} is already encoded (an array of keys, a null); else it is one key
     */
    private void send(Client c, byte[] payload, boolean proto) {
        TrackingState t = c.tracking();
        boolean redirected = false;
        if (t != null && t.redirect != 0) {
            Client redir = clients.get(t.redirect);
            // A redirect client that is closing (QUIT answered, CLIENT KILL) is gone: Redis frees
            // it once its last reply is written, before another client's command runs, while
            // here the connection's close is only noticed later, on its channel.
            if (redir == null || redir.isClosing()) {
                t.brokenRedirect = true;
                if (c.protocol() > 2) {
                    RespWriter w = c.reply();
                    w.push(2);
                    w.bulk("tracking-redir-broken");
                    w.integer(t.redirect);
                    pubsub.queueFlush(c);
                }
                return;
            }
            c = redir;
            redirected = true;
        }
        RespWriter w = c.reply();
        if (c.protocol() > 2) {
            w.push(2);
            w.bulk("invalidate");
        } else if (redirected && c.subscriptionCount() > 0) {
            w.push(3);
            w.raw(MESSAGE);
            w.bulk(CHANNEL);
        } else {
            // RESP2 has no push messages on the connection that sends commands.
            return;
        }
        if (proto) {
            w.raw(payload);
        } else {
            w.array(1);
            w.bulk(payload);
        }
        pubsub.queueFlush(c);
    }

    // ---- BCAST -------------------------------------------------------------------------

    /** Redis's trackingBroadcastInvalidationMessages, after the loop turn's commands. */
    private void broadcast() {
        broadcastScheduled = false;
        for (Bcast bs : prefixes.values()) {
            if (!bs.keys.isEmpty()) {
                byte[] common = broadcastReply(null, bs.keys);
                for (Client c : bs.clients) {
                    TrackingState t = c.tracking();
                    if (t != null && t.noloop) {
                        byte[] own = broadcastReply(c, bs.keys);
                        if (own != null) {
                            send(c, own, true);
                        }
                    } else {
                        send(c, common, true);
                    }
                }
                bs.keys = new TreeMap<>(Arrays::compareUnsigned);
            }
        }
        if (pubsub.hasPending()) {
            pubsub.flushPending();
        }
    }

    /** The array of keys, without those {@code c} modified itself (null when none is left); all for null. */
    private static byte[] broadcastReply(Client c, TreeMap<byte[], Client> keys) {
        int count = 0;
        for (Client w : keys.values()) {
            if (c == null || w != c) {
                count++;
            }
        }
        if (count == 0 && c != null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + count * 15);
        out.writeBytes(("*" + count + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<byte[], Client> e : keys.entrySet()) {
            if (c != null && e.getValue() == c) {
                continue;
            }
            byte[] k = e.getKey();
            out.writeBytes(("$" + k.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(k);
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    // ---- tracking-table-max-keys -------------------------------------------------------

    /**
     * Redis's trackingLimitUsedSlots: over {@code tracking-table-max-keys}, keys are dropped
     * from the table (their trackers invalidated), at most 100 per run, 100 more for each run
     * in a row that could not get under the limit. After each outermost command and on the cron.
     */
    public void limitUsedSlots() {
        long max = maxKeys;
        if (max == 0 || table.size() <= max) {
            timeoutCounter = 0;
            return;
        }
        int effort = 100 * (timeoutCounter + 1);
        long excess = table.size() - max;
        List<byte[]> victims = new ArrayList<>((int) Math.min(effort, excess));
        Iterator<Bytes> it = table.keySet().iterator();
        while (victims.size() < effort && victims.size() < excess && it.hasNext()) {
            victims.add(it.next().b);
        }
        for (byte[] k : victims) {
            invalidate(null, k, false, false);
        }
        if (table.size() <= max) {
            timeoutCounter = 0;
        } else {
            timeoutCounter++;
        }
    }

    /** The cron's part (Redis's serverCron): the limit even when idle, and sending what that wrote. */
    public void cron() {
        if (!tracking.isEmpty()) {
            limitUsedSlots();
            if (pubsub.hasPending()) {
                pubsub.flushPending();
            }
        }
    }
}
