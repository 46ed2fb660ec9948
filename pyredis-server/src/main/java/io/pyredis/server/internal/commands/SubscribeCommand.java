package io.pyredis.server.internal.commands;

import io.pyredis.core.client.Subscriptions;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.pubsub.PubSub;
import io.pyredis.server.internal.ServerContext;

/**
 * {@code SUBSCRIBE channel [channel ...]}, {@code PSUBSCRIBE pattern [pattern ...]} and
 * {@code SSUBSCRIBE shardchannel [shardchannel ...]}: one confirmation per name, each with
 * the client's subscription count (shard channels counted apart), as push frames in RESP3.
 */
public final class SubscribeCommand extends SubscriptionCommand {

    /** SUBSCRIBE, PSUBSCRIBE or SSUBSCRIBE, by {@code kind}. */
    public SubscribeCommand(ServerContext server, Subscriptions.Kind kind) {
        super(server, kind.subscribeWord(), kind);
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        PubSub ps = server.pubsub();
        for (int i = 1; i < args.length; i++) {
            ps.subscribe(c.client(), kind, args[i]);
        }
    }
}
