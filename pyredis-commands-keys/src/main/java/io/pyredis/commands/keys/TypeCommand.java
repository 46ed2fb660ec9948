package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisValue;

/**
 * {@code TYPE key}
 */
public final class TypeCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("type");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisValue v = ctx.db().peek(args[1]);
        ctx.reply().simple(v == null ? "none" : v.type().name());
    }
}
