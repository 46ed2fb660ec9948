package io.pyredis.server.internal;

import io.pyredis.support.Glob;
import io.pyredis.protocol.RespWriter;

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
 * flushed after the command that published (the dispatcher calls {@link #flushPending()}):
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

    /** The three kinds of subscription, each with its own confirmation words. */
    public enum Kind {
        CHANNEL("subscribe", "unsubscribe"),
        PATTERN("psubscribe", "punsubscribe"),
        SHARD("ssubscribe", "sunsubscribe");

        final byte[] subscribeWord;
        final byte[] unsubscribeWord;

        Kind(String sub, String unsub) {
            this.subscribeWord = bulk(sub);
            this.unsubscribeWord = bulk(unsub);
        }
    }

    private final Map<Bytes, LinkedHashSet<Connection>> channels = new HashMap<>();
    private final Map<Bytes, LinkedHashSet<Connection>> patterns = new HashMap<>();
    private final Map<Bytes, LinkedHashSet<Connection>> shardChannels = new HashMap<>();
    private List<Connection> pending = new ArrayList<>();
    private List<Connection> spare = new ArrayList<>();

    private Map<Bytes, LinkedHashSet<Connection>> map(Kind k) {
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
        LinkedHashSet<Connection> s = map(k).get(new Bytes(channel));
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
    public void subscribe(Connection c, Kind k, byte[] name) {
        Subscriptions s = c.subscriptions(true);
        Bytes key = new Bytes(name);
        if (s.set(k).add(key)) {
            map(k).computeIfAbsent(key, x -> new LinkedHashSet<>()).add(c);
        }
        confirm(c, k.subscribeWord, name, s.count(k));
    }

    /** UNSUBSCRIBE / PUNSUBSCRIBE / SUNSUBSCRIBE one name, replying when {@code reply}. */
    public void unsubscribe(Connection c, Kind k, byte[] name, boolean reply) {
        Subscriptions s = c.subscriptions(false);
        Bytes key = new Bytes(name);
        if (s != null && s.set(k).remove(key)) {
            remove(k, key, c);
        }
        if (reply) {
            confirm(c, k.unsubscribeWord, name, s == null ? 0 : s.count(k));
        }
    }

    /**
     * Unsubscribes {@code c} from everything of kind {@code k} (UNSUBSCRIBE without names,
     * RESET, disconnect). With {@code reply} it confirms each name, or once with a null
     * name when there was none, as Redis does.
     */
    public void unsubscribeAll(Connection c, Kind k, boolean reply) {
        Subscriptions s = c.subscriptions(false);
        LinkedHashSet<Bytes> set = s == null ? null : s.set(k);
        if (set == null || set.isEmpty()) {
            if (reply) {
                confirm(c, k.unsubscribeWord, null, s == null ? 0 : s.count(k));
            }
            return;
        }
        for (Bytes key : set.toArray(new Bytes[0])) {
            set.remove(key);
            remove(k, key, c);
            if (reply) {
                confirm(c, k.unsubscribeWord, key.b, s.count(k));
            }
        }
    }

    /** Forgets every subscription of {@code c}, without replies (disconnect, RESET). */
    public void forget(Connection c) {
        if (c.subscriptions(false) == null) {
            return;
        }
        for (Kind k : Kind.values()) {
            unsubscribeAll(c, k, false);
        }
    }

    private void remove(Kind k, Bytes key, Connection c) {
        Map<Bytes, LinkedHashSet<Connection>> m = map(k);
        LinkedHashSet<Connection> subs = m.get(key);
        if (subs != null) {
            subs.remove(c);
            if (subs.isEmpty()) {
                m.remove(key);
            }
        }
    }

    private static void confirm(Connection c, byte[] word, byte[] name, int count) {
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
    public long publish(byte[] channel, byte[] message, Connection from) {
        long receivers = 0;
        if (!channels.isEmpty()) {
            LinkedHashSet<Connection> subs = channels.get(new Bytes(channel));
            if (subs != null) {
                for (Connection c : subs) {
                    if (c.isClosing()) {
                        receivers++;
                        continue;
                    }
                    RespWriter w = c.reply();
                    w.push(3);
                    w.raw(MESSAGE);
                    w.bulk(channel);
                    w.bulk(message);
                    delivered(c, from);
                    receivers++;
                }
            }
        }
        if (!patterns.isEmpty()) {
            for (Map.Entry<Bytes, LinkedHashSet<Connection>> e : patterns.entrySet()) {
                byte[] pattern = e.getKey().b;
                if (!Glob.matches(pattern, channel)) {
                    continue;
                }
                for (Connection c : e.getValue()) {
                    if (c.isClosing()) {
                        receivers++;
                        continue;
                    }
                    RespWriter w = c.reply();
                    w.push(4);
                    w.raw(PMESSAGE);
                    w.bulk(pattern);
                    w.bulk(channel);
                    w.bulk(message);
                    delivered(c, from);
                    receivers++;
                }
            }
        }
        return receivers;
    }

    /** SPUBLISH: to the subscribers of shard channel {@code channel} only. */
    public long publishShard(byte[] channel, byte[] message, Connection from) {
        LinkedHashSet<Connection> subs = shardChannels.isEmpty() ? null : shardChannels.get(new Bytes(channel));
        if (subs == null) {
            return 0;
        }
        long receivers = 0;
        for (Connection c : subs) {
            if (c.isClosing()) {
                receivers++;
                continue;
            }
            RespWriter w = c.reply();
            w.push(3);
            w.raw(SMESSAGE);
            w.bulk(channel);
            w.bulk(message);
            delivered(c, from);
            receivers++;
        }
        return receivers;
    }

    private void delivered(Connection c, Connection from) {
        if (c == from) {
            return;
        }
        if (!c.flushPending) {
            c.flushPending = true;
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
        List<Connection> todo = pending;
        pending = spare;
        for (int i = 0; i < todo.size(); i++) {
            Connection c = todo.get(i);
            c.flushPending = false;
            c.flush();
        }
        todo.clear();
        spare = todo;
    }

    private static byte[] bulk(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return ("$" + b.length + "\r\n" + s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One client's subscriptions: each kind's names, in subscription order. */
    static final class Subscriptions {
        final LinkedHashSet<Bytes> channels = new LinkedHashSet<>();
        final LinkedHashSet<Bytes> patterns = new LinkedHashSet<>();
        final LinkedHashSet<Bytes> shard = new LinkedHashSet<>();

        LinkedHashSet<Bytes> set(Kind k) {
            return k == Kind.CHANNEL ? channels : k == Kind.PATTERN ? patterns : shard;
        }

        /** The count a confirmation shows: channels and patterns together, shard channels alone. */
        int count(Kind k) {
            return k == Kind.SHARD ? shard.size() : channels.size() + patterns.size();
        }

        /** Everything: what makes the client a pub/sub client (RESP2 context, P flag, buffer class). */
        int total() {
            return channels.size() + patterns.size() + shard.size();
        }
    }

    /** For CLIENT LIST: sub, psub, ssub of {@code c}. */
    public static int count(Connection c, Kind k) {
        Subscriptions s = c.subscriptions(false);
        return s == null ? 0 : s.set(k).size();
    }
}
