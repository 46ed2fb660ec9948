package io.pyredis.commands.sets;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;
import io.pyredis.api.RedisSet;

/**
 * {@code SCARD key}
 */
public final class SCardCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("scard", 2, Specs.READONLY_FAST, KeySpec.FIRST, "1.0.0",
            "Get the number of members in a set",
            "O(1)",
            "key");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisSet set = ctx.db().get(args[1], RedisSet.class);
        ctx.reply().integer(set == null ? 0 : set.size());
    }
}
