package io.pyredis.core.pubsub;

import io.pyredis.core.client.Client;
import io.pyredis.core.client.Subscriptions;
import io.pyredis.core.client.Subscriptions.Kind;
import io.pyredis.core.util.Bytes;
import io.pyredis.protocol.RespWriter;
import io.pyredis.support.Glob;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The server's pub/sub registry, as Redis's pubsub.c: channel → subscribers, pattern →
 * subscribers, shard channel → subscribers, and each client's own subscriptions (in the
 * client's {@link Subscriptions}).
 *
 * <p>A message is written into each receiver's reply buffer at once, and the receivers are
 * flushed after the command that published (the call unit calls {@link #flushPending()}):
 * they are other connections, which would otherwise hold the message until they next send
 * something. A flush that leaves bytes queued checks the receiver's output buffer limits.
 *
 * <p>Everything runs on the event loop, like the commands.
 */
public final class PubSub {

    private static final byte[] MESSAGE = bulk("message");
    private static final byte[] PMESSAGE = bulk("pmessage");
    private static final byte[] SMESSAGE = bulk("smessage");
    /** A receiver whose buffer grows past this inside one command is flushed at once. */
    private static final int EARLY_FLUSH_BYTES = 64 * 1024;

    private static final Map<Kind, byte[]> SUBSCRIBE_WORDS = new java.util.EnumMap<>(Kind.class);
    private static final Map<Kind, byte[]> UNSUBSCRIBE_WORDS = new java.util.EnumMap<>(Kind.class);

    static {
        for (Kind k : Kind.values()) {
            SUBSCRIBE_WORDS.put(k, bulk(k.subscribeWord()));
            UNSUBSCRIBE_WORDS.put(k, bulk(k.unsubscribeWord()));
        }
    }

    private final Map<Bytes, LinkedHashSet<Client>> channels = new HashMap<>();
    private final Map<Bytes, LinkedHashSet<Client>> patterns = new HashMap<>();
    private final Map<Bytes, LinkedHashSet<Client>> shardChannels = new HashMap<>();
    private List<Client> pending = new ArrayList<>();
    private List<Client> spare = new ArrayList<>();

    private Map<Bytes, LinkedHashSet<Client>> map(Kind k) {
        return k == Kind.CHANNEL ? channels : k == Kind.PATTERN ? patterns : shardChannels;
    }

    /** INFO's pubsub_channels. */
    public int channelCount() {
        return channels.size();
    }

    /** INFO's pubsub_patterns (and PUBSUB NUMPAT): distinct patterns with a subscriber. */
    public int patternCount() {
        return patterns.size();
    }

    /** INFO's pubsubshard_channels. */
    public int shardChannelCount() {
        return shardChannels.size();
    }

    /** The subscribers of {@code channel} of kind {@code k} (PUBSUB NUMSUB / SHARDNUMSUB). */
    public int subscribers(Kind k, byte[] channel) {
        LinkedHashSet<Client> s = map(k).get(new Bytes(channel));
        return s == null ? 0 : s.size();
    }

    /** The active channels of kind {@code k} matching {@code pattern} (all when null): PUBSUB CHANNELS. */
    public void forEachChannel(Kind k, byte[] pattern, Consumer<byte[]> out) {
        for (Bytes b : map(k).keySet()) {
            if (pattern == null || Glob.matches(pattern, b.b)) {
                out.accept(b.b);
            }
        }
    }

    /** SUBSCRIBE / PSUBSCRIBE / SSUBSCRIBE one name, replying with the confirmation. */
    public void subscribe(Client c, Kind k, byte[] name) {
        Subscriptions s = c.subscriptions(true);
        Bytes key = new Bytes(name);
        if (s.set(k).add(key)) {
            map(k).computeIfAbsent(key, x -> new LinkedHashSet<>()).add(c);
        }
        confirm(c, SUBSCRIBE_WORDS.get(k), name, s.count(k));
    }

    /** UNSUBSCRIBE / PUNSUBSCRIBE / SUNSUBSCRIBE one name, replying when {@code reply}. */
    public void unsubscribe(Client c, Kind k, byte[] name, boolean reply) {
        Subscriptions s = c.subscriptions(false);
        Bytes key = new Bytes(name);
        if (s != null && s.set(k).remove(key)) {
            remove(k, key, c);
        }
        if (reply) {
            confirm(c, UNSUBSCRIBE_WORDS.get(k), name, s == null ? 0 : s.count(k));
        }
    }

    /**
     * Unsubscribes {@code c} from everything of kind {@code k} (UNSUBSCRIBE without names,
     * RESET, disconnect). With {@code reply} it confirms each name, or once with a null
     * name when there was none, as Redis does.
     */
    public void unsubscribeAll(Client c, Kind k, boolean reply) {
        Subscriptions s = c.subscriptions(false);
        LinkedHashSet<Bytes> set = s == null ? null : s.set(k);
        if (set == null || set.isEmpty()) {
            if (reply) {
                confirm(c, UNSUBSCRIBE_WORDS.get(k), null, s == null ? 0 : s.count(k));
            }
            return;
        }
        for (Bytes key : set.toArray(new Bytes[0])) {
            set.remove(key);
            remove(k, key, c);
            if (reply) {
                confirm(c, UNSUBSCRIBE_WORDS.get(k), key.b, s.count(k));
            }
        }
    }

    /** Forgets every subscription of {@code c}, without replies (disconnect, RESET). */
    public void forget(Client c) {
        if (c.subscriptions(false) == null) {
            return;
        }
        for (Kind k : Kind.values()) {
            unsubscribeAll(c, k, false);
        }
    }

    private void remove(Kind k, Bytes key, Client c) {
        Map<Bytes, LinkedHashSet<Client>> m = map(k);
        LinkedHashSet<Client> subs = m.get(key);
        if (subs != null) {
            subs.remove(c);
            if (subs.isEmpty()) {
                m.remove(key);
            }
        }
    }

    private static void confirm(Client c, byte[] word, byte[] name, int count) {
        c.pushed();
        RespWriter w = c.reply();
        w.push(3);
        w.raw(word);
        if (name == null) {
            w.nullBulk();
        } else {
            w.bulk(name);
        }
        w.integer(count);
    }

    /**
     * PUBLISH: sends {@code message} to the subscribers of {@code channel} and of every
     * matching pattern; returns how many got it. {@code from} is the publishing client
     * (or null), whose own buffer is left to its command's flush.
     */
    public long publish(byte[] channel, byte[] message, Client from) {
        long receivers = 0;
        if (!channels.isEmpty()) {
            LinkedHashSet<Client> subs = channels.get(new Bytes(channel));
            if (subs != null) {
                receivers += deliver(subs, MESSAGE, null, channel, message, from);
            }
        }
        if (!patterns.isEmpty()) {
            for (Map.Entry<Bytes, LinkedHashSet<Client>> e : patterns.entrySet()) {
                byte[] pattern = e.getKey().b;
                if (Glob.matches(pattern, channel)) {
                    receivers += deliver(e.getValue(), PMESSAGE, pattern, channel, message, from);
                }
            }
        }
        return receivers;
    }

    /** SPUBLISH: to the subscribers of shard channel {@code channel} only. */
    public long publishShard(byte[] channel, byte[] message, Client from) {
        LinkedHashSet<Client> subs = shardChannels.isEmpty() ? null : shardChannels.get(new Bytes(channel));
        return subs == null ? 0 : deliver(subs, SMESSAGE, null, channel, message, from);
    }

    /**
     * Writes a {@code message}/{@code smessage} (or, with a pattern, {@code pmessage}) push to
     * each subscriber in {@code subs} and counts them all: one being closed still counts as a
     * receiver, as Redis counts it until it is freed.
     */
    private long deliver(LinkedHashSet<Client> subs, byte[] kind, byte[] pattern, byte[] channel, byte[] message,
                         Client from) {
        for (Client c : subs) {
            if (c.isClosing()) {
                continue;
            }
            RespWriter w = c.reply();
            w.push(pattern == null ? 3 : 4);
            w.raw(kind);
            if (pattern != null) {
                w.bulk(pattern);
            }
            w.bulk(channel);
            w.bulk(message);
            delivered(c, from);
        }
        return subs.size();
    }

    /**
     * {@code c} got a message outside the reply to its own command (an invalidation of client
     * tracking): it is flushed after the command running now, or by {@link #flushPending}.
     */
    public void queueFlush(Client c) {
        delivered(c, null);
    }

    private void delivered(Client c, Client from) {
        if (c == from) {
            c.pushed();
            return;
        }
        if (!c.flushQueued()) {
            c.flushQueued(true);
            pending.add(c);
        }
        // Many messages inside one command (a MULTI of PUBLISHes, a big notification burst):
        // hand them to the socket as they come, where the output limits are enforced.
        if (c.reply().size() >= EARLY_FLUSH_BYTES) {
            c.flush();
        }
    }

    /** Whether some connection got a message it has not been flushed since. */
    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Flushes the connections that got messages; called after each command and by the cron. */
    public void flushPending() {
        List<Client> todo = pending;
        pending = spare;
        for (int i = 0; i < todo.size(); i++) {
            Client c = todo.get(i);
            c.flushQueued(false);
            c.flush();
        }
        todo.clear();
        spare = todo;
    }

    private static byte[] bulk(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return ("$" + b.length + "\r\n" + s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** For CLIENT LIST: sub, psub, ssub of {@code c}. */
    public static int count(Client c, Kind k) {
        Subscriptions s = c.subscriptions(false);
        return s == null ? 0 : s.set(k).size();
    }
}
