package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.Database;
import io.pyredis.api.GrowableString;
import io.pyredis.api.KeyspaceEvent;
import io.pyredis.api.RedisString;
import io.pyredis.support.StringLimits;

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
        StringLimits.checkStringLength(ctx, s.length(), tail.length);
        // Redis appends to an unshared sds with free space: amortized O(1) per APPEND, encoding raw.
        GrowableString g = GrowableString.from(s);
        g.append(tail, 0, tail.length);
        if (g == s) {
            db.modified(key);
        } else {
            db.setKeepTtl(key, g);
        }
        // Appending nothing is still reported, as Redis does.
        ctx.notifyKeyspaceEvent(KeyspaceEvent.STRING, Events.APPEND, key);
        ctx.reply().integer(g.length());
    }
}
