package io.pyredis.commands.bitmaps;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisString;

/**
 * {@code GETBIT key offset}
 */
public final class GetBitCommand implements Command {

    private static final CommandSpec SPEC = BitmapsPack.METADATA.spec("getbit");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long offset = Bits.bitOffset(ctx, args[2], false, 0);
        RedisString s = ctx.db().get(args[1], RedisString.class);
        ctx.reply().integer(s == null ? 0 : Bits.get(s.array(), s.length(), offset));
    }
}
