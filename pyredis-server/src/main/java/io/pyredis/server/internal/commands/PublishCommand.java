package io.pyredis.server.internal.commands;

import io.pyredis.server.internal.ServerContext;
import io.pyredis.core.exec.CallContext;

/**
 * {@code PUBLISH channel message} and {@code SPUBLISH shardchannel message}: the number of
 * clients that got it. The receivers are flushed after the command.
 */
public final class PublishCommand extends BuiltinCommand {

    private final boolean shard;

    private PublishCommand(ServerContext server, String name, boolean shard) {
        super(server, name);
        this.shard = shard;
    }

    /** {@code PUBLISH channel message} */
    public static PublishCommand publish(ServerContext server) {
        return new PublishCommand(server, "publish", false);
    }

    /** {@code SPUBLISH shardchannel message} */
    public static PublishCommand spublish(ServerContext server) {
        return new PublishCommand(server, "spublish", true);
    }

    @Override
    protected void execute(CallContext c, byte[][] args) {
        long n = shard ? server.pubsub().publishShard(args[1], args[2], c.client())
                : server.pubsub().publish(args[1], args[2], c.client());
        c.reply().integer(n);
    }
}
