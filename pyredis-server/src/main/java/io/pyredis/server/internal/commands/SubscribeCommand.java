package io.pyredis.server.internal.commands;

import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.server.internal.Connection;
import io.pyredis.server.internal.PubSub;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code SUBSCRIBE channel [channel ...]}, {@code PSUBSCRIBE pattern [pattern ...]} and
 * {@code SSUBSCRIBE shardchannel [shardchannel ...]}: one confirmation per name, each with
 * the client's subscription count (shard channels counted apart), as push frames in RESP3.
 */
public final class SubscribeCommand extends BuiltinCommand {

    private final PubSub.Kind kind;

    private SubscribeCommand(CommandSpec spec, PubSub.Kind kind) {
        super(spec);
        this.kind = kind;
    }

    /** {@code SUBSCRIBE channel [channel ...]} */
    public static SubscribeCommand subscribe() {
        return new SubscribeCommand(complexity(spec("subscribe", -2, "pubsub", "2.0.0",
                "Listen for messages published to the given channels", "channel [channel ...]",
                CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE),
                "O(N) where N is the number of channels to subscribe to."), PubSub.Kind.CHANNEL);
    }

    /** {@code PSUBSCRIBE pattern [pattern ...]} */
    public static SubscribeCommand psubscribe() {
        return new SubscribeCommand(complexity(spec("psubscribe", -2, "pubsub", "2.0.0",
                "Listen for messages published to channels matching the given patterns", "pattern [pattern ...]",
                CommandFlag.PUBSUB, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE),
                "O(N) where N is the number of patterns the client is already subscribed to."), PubSub.Kind.PATTERN);
    }

    /** {@code SSUBSCRIBE shardchannel [shardchannel ...]} */
    public static SubscribeCommand ssubscribe() {
        return new SubscribeCommand(new CommandSpec("ssubscribe", -2, EnumSet.of(CommandFlag.PUBSUB,
                CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE), KeySpec.ALL, "pubsub", "7.0.0",
                "Listen for messages published to the given shard channels",
                "O(N) where N is the number of shard channels to subscribe to.", "shardchannel [shardchannel ...]"),
                PubSub.Kind.SHARD);
    }

    @Override
    public List<String> aclCategories() {
        return List.of("pubsub", "slow");
    }

    @Override
    protected void execute(Connection c, byte[][] args) {
        PubSub ps = c.server().pubsub();
        for (int i = 1; i < args.length; i++) {
            ps.subscribe(c, kind, args[i]);
        }
    }
}
