package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code HMSET key field value [field value ...]}
 */
public final class HMSetCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hmset");

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
