package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisValue;
import io.pyredis.support.RefCount;

/**
 * {@code OBJECT REFCOUNT key}: 1, or INT_MAX for what Redis keeps as a shared integer
 * ({@link RefCount}).
 */
public final class ObjectRefCountCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("object|refcount");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisValue v = ctx.db().inspect(args[2]);
        if (v == null) {
            ctx.reply().nullBulk();
            return;
        }
        ctx.reply().integer(RefCount.of(ctx, v));
    }
}
