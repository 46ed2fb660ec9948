package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.GrowableString;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.support.Numbers;
import io.pyredis.support.StringLimits;
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
            StringLimits.checkStringLength(ctx, offset, value.length);
            byte[] b = new byte[(int) offset + value.length];
            System.arraycopy(value, 0, b, (int) offset, value.length);
            db.set(key, RedisString.raw(b)); // a new sds of the full length, as Redis: raw
            ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.SETRANGE, key);
            ctx.reply().integer(b.length);
            return;
        }
        if (value.length == 0) {
            ctx.reply().integer(s.length());
            return;
        }
        StringLimits.checkStringLength(ctx, offset, value.length);
        // Changed in place in Redis (an unshared sds, grown with zeros): raw, and no copy here either.
        GrowableString g = GrowableString.from(s);
        byte[] b = g.writable(offset + value.length);
        System.arraycopy(value, 0, b, (int) offset, value.length);
        if (g == s) {
            db.modified(key);
        } else {
            db.setKeepTtl(key, g);
        }
        ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.SETRANGE, key);
        ctx.reply().integer(g.length());
    }
}
