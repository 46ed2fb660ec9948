package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisHash;

/**
 * {@code HEXISTS key field}
 */
public final class HExistsCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("hexists", 3, Specs.READONLY_FAST, "2.0.0",
            "Determine if a hash field exists", "O(1)", "key field");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisHash h = ctx.db().get(args[1], RedisHash.class);
        ctx.reply().integer(h != null && h.contains(args[2]) ? 1 : 0);
    }
}
