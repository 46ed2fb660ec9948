package io.pyredis.commands.streams;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;

/**
 * {@code XACK key group id [id ...]}
 */
public final class XAckCommand implements Command {

    private static final CommandSpec SPEC = StreamsPack.METADATA.spec("xack");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisStream s = Streams.read(ctx, args[1]);
        RedisStream.Group g = Streams.group(s, args[2]);
        if (g == null) {
            ctx.reply().integer(0);
            return;
        }
        // Every ID is checked first: the reply cannot be an error once some are acknowledged.
        StreamId[] ids = new StreamId[args.length - 3];
        for (int j = 3; j < args.length; j++) {
            ids[j - 3] = Streams.strictId(args[j], 0);
        }
        long acked = 0;
        for (StreamId id : ids) {
            RedisStream.Nack nack = g.pel.remove(id);
            if (nack != null) {
                nack.consumer.pel.remove(id);
                acked++;
            }
        }
        if (acked > 0) {
            // As Redis: no WATCH touched, the command recorded as sent.
            ctx.propagate(args.clone());
        }
        ctx.reply().integer(acked);
    }
}
