package io.pyredis.server.internal.commands;

import io.pyredis.core.client.Subscriptions;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.pubsub.PubSub;

/**
 * {@code UNSUBSCRIBE [channel ...]}, {@code PUNSUBSCRIBE [pattern ...]} and
 * {@code SUNSUBSCRIBE [shardchannel ...]}: without names, from everything of the kind (one
 * confirmation with a null name when there was nothing).
 */
public final class UnsubscribeCommand extends BuiltinCommand {

    private final Subscriptions.Kind kind;

    private UnsubscribeCommand(ServerContext server, String name, Subscriptions.Kind kind) {
        super(server, name);
        this.kind = kind;
    }

    /** {@code UNSUBSCRIBE [channel [channel ...]]} */
    public static UnsubscribeCommand unsubscribe(ServerContext server) {
        return new UnsubscribeCommand(server, "unsubscribe", Subscriptions.Kind.CHANNEL);
    }

    /** {@code PUNSUBSCRIBE [pattern [pattern ...]]} */
    public static UnsubscribeCommand punsubscribe(ServerContext server) {
        return new UnsubscribeCommand(server, "punsubscribe", Subscriptions.Kind.PATTERN);
    }

    /** {@code SUNSUBSCRIBE [shardchannel [shardchannel ...]]} */
    public static UnsubscribeCommand sunsubscribe(ServerContext server) {
        return new UnsubscribeCommand(server, "sunsubscribe", Subscriptions.Kind.SHARD);
    }

    @Override
    public Role role() {
        return Role.SUBSCRIPTION;
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
