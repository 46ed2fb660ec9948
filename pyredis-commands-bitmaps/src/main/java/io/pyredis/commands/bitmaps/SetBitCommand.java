package io.pyredis.commands.bitmaps;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisString;
import io.pyredis.support.Numbers;

/**
 * {@code SETBIT key offset value}
 */
public final class SetBitCommand implements Command {

    private static final CommandSpec SPEC = BitmapsPack.METADATA.spec("setbit");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long offset = Bits.bitOffset(ctx, args[2], false, 0);
        long on = Numbers.parseLong(args[3], Errors.BIT_VALUE);
        if ((on & ~1L) != 0) {
            throw Errors.BIT_VALUE;
        }
        Database db = ctx.db();
        byte[] key = args[1];
        RedisString s = db.get(key, RedisString.class);
        int bit = (int) on;
        BitWrite w = BitWrite.open(db, key, s, offset);
        byte[] p = w.bytes();
        int old = Bits.get(p, w.length(), offset);
        if (w.dirty() || old != bit) {
            Bits.set(p, offset, bit);
            w.store();
            ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.SETBIT, key);
        }
        ctx.reply().integer(old);
    }
}
