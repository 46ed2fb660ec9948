package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisString;

/**
 * {@code APPEND key value}
 */
public final class AppendCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("append");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        Database db = ctx.db();
        byte[] key = args[1];
        byte[] tail = args[2];
        RedisString s = db.get(key, RedisString.class);
        if (s == null) {
            // The argument already passed the protocol's bulk limit: no size check, as in Redis.
            db.set(key, RedisString.of(tail));
            ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.APPEND, key);
            ctx.reply().integer(tail.length);
            return;
        }
        byte[] head = s.bytes();
        Limits.checkStringLength(ctx, head.length, tail.length);
        // Values are immutable, so this copies: O(length) per APPEND where Redis is amortized O(1).
        byte[] joined = new byte[head.length + tail.length];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        db.setKeepTtl(key, RedisString.raw(joined)); // Redis appends to an unshared sds: raw
        // Appending nothing is still reported, as Redis does.
        ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.APPEND, key);
        ctx.reply().integer(joined.length);
    }
}
