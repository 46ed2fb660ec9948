package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Numbers;
import io.pyredis.api.RedisString;

/**
 * {@code SETRANGE key offset value}
 */
public final class SetRangeCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("setrange");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long offset = Numbers.parseLong(args[2]);
        if (offset < 0) {
            throw Errors.OFFSET_OUT_OF_RANGE;
        }
        Database db = ctx.db();
        byte[] key = args[1];
        byte[] value = args[3];
        RedisString s = db.get(key, RedisString.class);
        if (s == null) {
            if (value.length == 0) {
                ctx.reply().integer(0); // nothing to set: the key is not created
                return;
            }
            Limits.checkStringLength(ctx, offset, value.length);
            byte[] b = new byte[(int) offset + value.length];
            System.arraycopy(value, 0, b, (int) offset, value.length);
            db.set(key, RedisString.raw(b)); // a new sds of the full length, as Redis: raw
            ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.SETRANGE, key);
            ctx.reply().integer(b.length);
            return;
        }
        byte[] old = s.bytes();
        if (value.length == 0) {
            ctx.reply().integer(old.length);
            return;
        }
        Limits.checkStringLength(ctx, offset, value.length);
        int end = (int) offset + value.length;
        byte[] b = new byte[Math.max(old.length, end)];
        System.arraycopy(old, 0, b, 0, old.length);
        System.arraycopy(value, 0, b, (int) offset, value.length);
        db.setKeepTtl(key, RedisString.raw(b)); // changed in place in Redis: raw
        ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.SETRANGE, key);
        ctx.reply().integer(b.length);
    }
}
