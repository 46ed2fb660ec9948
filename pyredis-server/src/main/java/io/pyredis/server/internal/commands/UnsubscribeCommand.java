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
 * {@code UNSUBSCRIBE [channel ...]}, {@code PUNSUBSCRIBE [pattern ...]} and
 * {@code SUNSUBSCRIBE [shardchannel ...]}: without names, from everything of the kind (one
 * confirmation with a null name when there was nothing).
 */
public final class UnsubscribeCommand extends BuiltinCommand {

    private final Subscriptions.Kind kind;

    private UnsubscribeCommand(ServerContext server, CommandSpec spec, Subscriptions.Kind kind) {
        super(server, spec);
        this.kind = kind;
    }

    /** {@code UNSUBSCRIBE [channel [channel ...]]} */
    public static UnsubscribeCommand unsubscribe(ServerContext server) {
        return new UnsubscribeCommand(server, complexity(spec("unsubscribe", -1, "pubsub", "2.0.0",
                "Stop listening for messages posted to the given channels", "[channel [channel ...]]",
                CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE),
                "O(N) where N is the number of clients already subscribed to a channel."), Subscriptions.Kind.CHANNEL);
    }

    /** {@code PUNSUBSCRIBE [pattern [pattern ...]]} */
    public static UnsubscribeCommand punsubscribe(ServerContext server) {
        return new UnsubscribeCommand(server, complexity(spec("punsubscribe", -1, "pubsub", "2.0.0",
                "Stop listening for messages posted to channels matching the given patterns",
                "[pattern [pattern ...]]",
                CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE),
                "O(N+M) where N is the number of patterns the client is already subscribed and M is the number of "
                        + "total patterns subscribed in the system (by any client)."), Subscriptions.Kind.PATTERN);
    }

    /** {@code SUNSUBSCRIBE [shardchannel [shardchannel ...]]} */
    public static UnsubscribeCommand sunsubscribe(ServerContext server) {
        return new UnsubscribeCommand(server, new CommandSpec("sunsubscribe", -1, EnumSet.of(CommandFlag.PUBSUB,
                CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE), KeySpec.ALL, "pubsub", "7.0.0",
                "Stop listening for messages posted to the given shard channels",
                "O(N) where N is the number of clients already subscribed to a shard channel.",
                "[shardchannel [shardchannel ...]]"), Subscriptions.Kind.SHARD);
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
        if (args.length == 1) {
            ps.unsubscribeAll(c.client(), kind, true);
            return;
        }
        for (int i = 1; i < args.length; i++) {
            ps.unsubscribe(c.client(), kind, args[i], true);
        }
    }
}
