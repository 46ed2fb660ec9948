package io.pyredis.server.internal.commands;

import io.pyredis.core.client.Subscriptions;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.pubsub.PubSub;
import io.pyredis.server.internal.ServerContext;

/**
 * {@code UNSUBSCRIBE [channel [channel ...]]}, {@code PUNSUBSCRIBE [pattern [pattern ...]]}
 * and {@code SUNSUBSCRIBE [shardchannel [shardchannel ...]]}: without names, from everything
 * of the kind (one confirmation with a null name when there was nothing).
 */
public final class UnsubscribeCommand extends SubscriptionCommand {

    /** UNSUBSCRIBE, PUNSUBSCRIBE or SUNSUBSCRIBE, by {@code kind}. */
    public UnsubscribeCommand(ServerContext server, Subscriptions.Kind kind) {
        super(server, kind.unsubscribeWord(), kind);
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        PubSub ps = server.pubsub();
        if (args.length == 1) {
            ps.unsubscribeAll(c.client(), kind, true);
            return;
        }
        for (int i = 1; i < args.length; i++) {
            ps.unsubscribe(c.client(), kind, args[i], true);
        }
    }
}
