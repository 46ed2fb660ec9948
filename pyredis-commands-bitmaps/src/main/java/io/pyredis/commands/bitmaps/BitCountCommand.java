package io.pyredis.commands.bitmaps;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.support.Numbers;

/**
 * {@code BITCOUNT key [start end [BYTE | BIT]]}
 */
public final class BitCountCommand implements Command {

    private static final CommandSpec SPEC = BitmapsPack.METADATA.spec("bitcount");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        // The key first: a missing one answers 0 whatever the arguments, as in Redis.
        RedisString s = ctx.db().get(args[1], RedisString.class);
        if (s == null) {
            ctx.reply().integer(0);
            return;
        }
        byte[] p = s.array();
        int length = s.length();
        Bits.Range range;
        if (args.length == 4 || args.length == 5) {
            long start = Numbers.parseLong(args[2]);
            long end = Numbers.parseLong(args[3]);
            // Redis 7.0 answers 0 here before looking at the unit keyword.
            if (start < 0 && end < 0 && start > end) {
                ctx.reply().integer(0);
                return;
            }
            boolean isBit = args.length == 5 && Bits.isBitUnit(args[4]);
            range = Bits.range(start, end, length, isBit);
        } else if (args.length == 2) {
            range = length == 0 ? null : new Bits.Range(0, (long) length * 8 - 1);
        } else {
            throw RedisError.SYNTAX;
        }
        ctx.reply().integer(range == null ? 0 : Bits.popcountBits(p, range.first(), range.last()));
    }
}
