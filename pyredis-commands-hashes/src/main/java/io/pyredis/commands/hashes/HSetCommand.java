package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code HSET key field value [field value ...]}
 */
public final class HSetCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hset");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ctx.reply().integer(HashWrites.setPairs(ctx, args, "hset"));
    }
}
