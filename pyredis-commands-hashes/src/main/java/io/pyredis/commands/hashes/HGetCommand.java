package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.RedisHash;

/**
 * {@code HGET key field}
 */
public final class HGetCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("hget", 3, Specs.READONLY_FAST, "2.0.0",
            "Get the value of a hash field", "O(1)", "key field");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RedisHash h = ctx.db().get(args[1], RedisHash.class);
        byte[] v = h == null ? null : h.get(args[2]);
        if (v == null) {
            ctx.reply().nullBulk();
        } else {
            ctx.reply().bulk(v);
        }
    }
}
