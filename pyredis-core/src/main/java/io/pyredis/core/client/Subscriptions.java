package io.pyredis.core.client;

import io.pyredis.core.util.Bytes;

import java.util.LinkedHashSet;

/** One client's pub/sub subscriptions: each kind's names, in subscription order. */
public final class Subscriptions {

    /** The three kinds of subscription, each with its own confirmation words. */
    public enum Kind {
        CHANNEL("subscribe", "unsubscribe"),
        PATTERN("psubscribe", "punsubscribe"),
        SHARD("ssubscribe", "sunsubscribe");

        private final String subscribeWord;
        private final String unsubscribeWord;

        Kind(String sub, String unsub) {
            this.subscribeWord = sub;
            this.unsubscribeWord = unsub;
        }

        /** The word a subscription's confirmation starts with ({@code subscribe}). */
        public String subscribeWord() {
            return subscribeWord;
        }

        /** The word an unsubscription's confirmation starts with ({@code unsubscribe}). */
        public String unsubscribeWord() {
            return unsubscribeWord;
        }
    }

    private final LinkedHashSet<Bytes> channels = new LinkedHashSet<>();
    private final LinkedHashSet<Bytes> patterns = new LinkedHashSet<>();
    private final LinkedHashSet<Bytes> shard = new LinkedHashSet<>();

    /** The names of kind {@code k}. */
    public LinkedHashSet<Bytes> set(Kind k) {
        return k == Kind.CHANNEL ? channels : k == Kind.PATTERN ? patterns : shard;
    }

    /** The count a confirmation shows: channels and patterns together, shard channels alone. */
    public int count(Kind k) {
        return k == Kind.SHARD ? shard.size() : channels.size() + patterns.size();
    }

    /** Everything: what makes the client a pub/sub client (RESP2 context, P flag, buffer class). */
    public int total() {
        return channels.size() + patterns.size() + shard.size();
    }
}
