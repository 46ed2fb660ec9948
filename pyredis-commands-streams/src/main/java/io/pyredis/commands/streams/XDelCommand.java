package io.pyredis.commands.streams;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisStream;
import io.pyredis.api.StreamId;

/**
 * {@code XDEL key id [id ...]}
 */
public final class XDelCommand implements Command {

    private static final CommandSpec SPEC = StreamsPack.METADATA.spec("xdel");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisStream s = Streams.lookup(ctx, args[1]);
        if (s == null) {
            ctx.reply().integer(0);
            return;
        }
        // All IDs are checked first: the command is not to be half done.
        StreamId[] ids = new StreamId[args.length - 2];
        for (int j = 2; j < args.length; j++) {
            ids[j - 2] = Streams.strictId(args[j], 0);
        }
        long deleted = 0;
        for (StreamId id : ids) {
            if (s.delete(id)) {
                if (id.compareTo(s.maxDeletedId()) > 0) {
                    s.maxDeletedId(id);
                }
                deleted++;
            }
        }
        if (deleted > 0) {
            ctx.db().modified(args[1]);
            Streams.notify(ctx, "xdel", args[1]);
        }
        ctx.reply().integer(deleted);
    }
}
