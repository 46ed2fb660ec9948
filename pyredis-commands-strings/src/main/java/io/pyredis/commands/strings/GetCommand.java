package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisString;

/**
 * {@code GET key}
 */
public final class GetCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("get");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisString s = ctx.db().get(args[1], RedisString.class);
        if (s == null) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().bulk(s.array(), 0, s.length()); // no copy of a growable string's bytes
        }
    }
}
