package io.pyredis.server.internal.commands;

import io.pyredis.core.client.Subscriptions;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.pubsub.PubSub;

/**
 * {@code SUBSCRIBE channel [channel ...]}, {@code PSUBSCRIBE pattern [pattern ...]} and
 * {@code SSUBSCRIBE shardchannel [shardchannel ...]}: one confirmation per name, each with
 * the client's subscription count (shard channels counted apart), as push frames in RESP3.
 */
public final class SubscribeCommand extends BuiltinCommand {

    private final Subscriptions.Kind kind;

    private SubscribeCommand(ServerContext server, String name, Subscriptions.Kind kind) {
        super(server, name);
        this.kind = kind;
    }

    /** {@code SUBSCRIBE channel [channel ...]} */
    public static SubscribeCommand subscribe(ServerContext server) {
        return new SubscribeCommand(server, "subscribe", Subscriptions.Kind.CHANNEL);
    }

    /** {@code PSUBSCRIBE pattern [pattern ...]} */
    public static SubscribeCommand psubscribe(ServerContext server) {
        return new SubscribeCommand(server, "psubscribe", Subscriptions.Kind.PATTERN);
    }

    /** {@code SSUBSCRIBE shardchannel [shardchannel ...]} */
    public static SubscribeCommand ssubscribe(ServerContext server) {
        return new SubscribeCommand(server, "ssubscribe",
                Subscriptions.Kind.SHARD);
    }

    @Override
    public Role role() {
        return Role.SUBSCRIPTION;
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        PubSub ps = server.pubsub();
        for (int i = 1; i < args.length; i++) {
            ps.subscribe(c.client(), kind, args[i]);
        }
    }
}
