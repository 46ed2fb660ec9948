package io.pyredis.commands.strings;

import io.pyredis.support.Numbers;
import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisString;

/**
 * {@code GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds |
 * PXAT unix-time-milliseconds | PERSIST]}
 */
public final class GetExCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("getex");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        long parsed = args.length > 2 ? SetCore.parseOptions(args, 2, false) : 0;
        int flags = (int) parsed;
        int expireIndex = (int) (parsed >>> 32);
        Database db = ctx.db();
        byte[] key = args[1];
        RedisString s = db.read(key, RedisString.class);
        if (s == null) {
            // Redis answers a missing key before looking at the expire time.
            ctx.reply().nullBulk();
            return;
        }
        if (expireIndex != 0) {
            long deadline = SetCore.deadline(ctx, args[expireIndex], flags, SetCore.INVALID_EXPIRE_GETEX);
            if ((flags & (SetCore.EXAT | SetCore.PXAT)) != 0 && deadline <= ctx.now()) {
                // Unlike SET, GETEX deletes at once a key whose new deadline is already past.
                db.delete(key);
                ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.DEL, key);
                ctx.propagate(Propagation.DEL, key);
            } else {
                db.expireAt(key, deadline);
                ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.EXPIRE, key);
                // The deadline is absolute: replaying the AOF later must not move it.
                ctx.propagate(Propagation.PEXPIREAT, key, Numbers.toBytes(deadline));
            }
        } else if ((flags & SetCore.PERSIST) != 0 && db.persist(key)) {
            ctx.notifyKeyspaceEvent(KeyspaceEvent.GENERIC, Events.PERSIST, key);
            ctx.propagate(Propagation.PERSIST, key);
        }
        ctx.reply().bulk(s.bytes());
    }
}
