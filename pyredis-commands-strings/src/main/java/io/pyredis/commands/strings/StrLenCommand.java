package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisString;

/**
 * {@code STRLEN key}
 */
public final class StrLenCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("strlen");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisString s = ctx.db().get(args[1], RedisString.class);
        ctx.reply().integer(s == null ? 0 : s.length());
    }
}
