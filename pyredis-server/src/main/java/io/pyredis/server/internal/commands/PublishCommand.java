package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.api.CommandFlag;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.core.exec.CallContext;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code PUBLISH channel message} and {@code SPUBLISH shardchannel message}: the number of
 * clients that got it. The receivers are flushed after the command.
 */
public final class PublishCommand extends BuiltinCommand {

    private final boolean shard;

    private PublishCommand(ServerContext server, CommandSpec spec, boolean shard) {
        super(server, spec);
        this.shard = shard;
    }

    /** {@code PUBLISH channel message} */
    public static PublishCommand publish(ServerContext server) {
        return new PublishCommand(server, complexity(spec("publish", 3, "pubsub", "2.0.0", "Post a message to a channel",
                "channel message", CommandFlag.PUBSUB, CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST),
                "O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total "
                        + "number of subscribed patterns (by any client)."), false);
    }

    /** {@code SPUBLISH shardchannel message} */
    public static PublishCommand spublish(ServerContext server) {
        return new PublishCommand(server, new CommandSpec("spublish", 3, EnumSet.of(CommandFlag.PUBSUB, CommandFlag.LOADING,
                CommandFlag.STALE, CommandFlag.FAST), KeySpec.FIRST, "pubsub", "7.0.0",
                "Post a message to a shard channel",
                "O(N) where N is the number of clients subscribed to the receiving shard channel.",
                "shardchannel message"), true);
    }

    @Override
    public List<String> aclCategories() {
        return List.of("pubsub", "fast");
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        long n = shard ? server.pubsub().publishShard(args[1], args[2], c.client())
                : server.pubsub().publish(args[1], args[2], c.client());
        c.reply().integer(n);
    }
}
