package io.pyredis.commands.bitmaps;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisError;
import io.pyredis.api.RedisString;
import io.pyredis.support.Numbers;

/**
 * {@code BITPOS key bit [start [end [BYTE | BIT]]]}
 */
public final class BitPosCommand implements Command {

    private static final CommandSpec SPEC = BitmapsPack.METADATA.spec("bitpos");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long bit = Numbers.parseLong(args[2]);
        if (bit != 0 && bit != 1) {
            throw Errors.BITPOS_BIT;
        }
        // A missing key is an endless run of zeros.
        RedisString s = ctx.db().get(args[1], RedisString.class);
        if (s == null) {
            ctx.reply().integer(bit == 1 ? -1 : 0);
            return;
        }
        int length = s.length();
        boolean endGiven = false;
        Bits.Range range;
        if (args.length >= 4 && args.length <= 6) {
            long start = Numbers.parseLong(args[3]);
            // Redis reads the unit before the end.
            boolean isBit = args.length == 6 && Bits.isBitUnit(args[5]);
            long end;
            if (args.length >= 5) {
                end = Numbers.parseLong(args[4]);
                endGiven = true;
            } else {
                end = isBit ? ((long) length << 3) + 7 : length - 1;
            }
            range = Bits.range(start, end, length, isBit);
        } else if (args.length == 3) {
            range = length == 0 ? null : new Bits.Range(0, (long) length * 8 - 1);
        } else {
            throw RedisError.SYNTAX;
        }
        if (range == null) {
            ctx.reply().integer(-1); // an empty range holds neither a 0 nor a 1
            return;
        }
        long pos = Bits.bitpos(s.array(), range.first(), range.last(), (int) bit);
        if (pos < 0 && bit == 0 && !endGiven) {
            // Without an explicit end the string counts as padded with zeros on the right.
            pos = range.last() + 1;
        }
        ctx.reply().integer(pos);
    }
}
