package io.pyredis.server.internal.commands;

import io.pyredis.core.client.Subscriptions;
import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.core.command.Role;
import io.pyredis.core.exec.CallContext;
import io.pyredis.core.pubsub.PubSub;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code SUBSCRIBE channel [channel ...]}, {@code PSUBSCRIBE pattern [pattern ...]} and
 * {@code SSUBSCRIBE shardchannel [shardchannel ...]}: one confirmation per name, each with
 * the client's subscription count (shard channels counted apart), as push frames in RESP3.
 */
public final class SubscribeCommand extends BuiltinCommand {

    private final Subscriptions.Kind kind;

    private SubscribeCommand(ServerContext server, CommandSpec spec, Subscriptions.Kind kind) {
        super(server, spec);
        this.kind = kind;
    }

    /** {@code SUBSCRIBE channel [channel ...]} */
    public static SubscribeCommand subscribe(ServerContext server) {
        return new SubscribeCommand(server, complexity(spec("subscribe", -2, "pubsub", "2.0.0",
                "Listen for messages published to the given channels", "channel [channel ...]",
                CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE),
                "O(N) where N is the number of channels to subscribe to."), Subscriptions.Kind.CHANNEL);
    }

    /** {@code PSUBSCRIBE pattern [pattern ...]} */
    public static SubscribeCommand psubscribe(ServerContext server) {
        return new SubscribeCommand(server, complexity(spec("psubscribe", -2, "pubsub", "2.0.0",
                "Listen for messages published to channels matching the given patterns", "pattern [pattern ...]",
                CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE),
                "O(N) where N is the number of patterns the client is already subscribed to."), Subscriptions.Kind.PATTERN);
    }

    /** {@code SSUBSCRIBE shardchannel [shardchannel ...]} */
    public static SubscribeCommand ssubscribe(ServerContext server) {
        return new SubscribeCommand(server, new CommandSpec("ssubscribe", -2, EnumSet.of(CommandFlag.PUBSUB,
                CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE), KeySpec.ALL, "pubsub", "7.0.0",
                "Listen for messages published to the given shard channels",
                "O(N) where N is the number of shard channels to subscribe to.", "shardchannel [shardchannel ...]"),
                Subscriptions.Kind.SHARD);
    }

    @Override
    public List<String> aclCategories() {
        return List.of("pubsub", "slow");
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
