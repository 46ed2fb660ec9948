package io.pyredis.commands.streams;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisStream;

/**
 * {@code XTRIM key <MAXLEN | MINID> [= | ~] threshold [LIMIT count]}
 */
public final class XTrimCommand implements Command {

    private static final CommandSpec SPEC = StreamsPack.METADATA.spec("xtrim");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        TrimArgs t = TrimArgs.parse(args, false, Streams.nodeMaxEntries(ctx), Streams.loadingAof(ctx));
        RedisStream s = Streams.lookup(ctx, args[1]);
        if (s == null) {
            ctx.reply().integer(0);
            return;
        }
        long deleted = t.trim(s);
        if (deleted > 0) {
            Streams.notify(ctx, "xtrim", args[1]);
            ctx.db().modified(args[1]);
            if (t.approx) {
                ctx.propagate(t.rewritten(args, s));
            }
        }
        ctx.reply().integer(deleted);
    }
}
