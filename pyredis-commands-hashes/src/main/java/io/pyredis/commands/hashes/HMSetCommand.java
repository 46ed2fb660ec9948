package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code HMSET key field value [field value ...]}
 */
public final class HMSetCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("hmset", -4, Specs.WRITE_DENYOOM_FAST, "2.0.0",
            "Set multiple hash fields to multiple values", "O(N) where N is the number of fields being set.",
            "key field value [field value ...]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        HashWrites.setPairs(ctx, args, "hmset");
        ctx.reply().ok();
    }
}
