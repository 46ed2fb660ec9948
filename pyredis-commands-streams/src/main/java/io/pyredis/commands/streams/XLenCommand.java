package io.pyredis.commands.streams;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisStream;

/**
 * {@code XLEN key}
 */
public final class XLenCommand implements Command {

    private static final CommandSpec SPEC = StreamsPack.METADATA.spec("xlen");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisStream s = Streams.lookup(ctx, args[1]);
        ctx.reply().integer(s == null ? 0 : s.length());
    }
}
