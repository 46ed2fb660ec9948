package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code HSET key field value [field value ...]}
 */
public final class HSetCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("hset", -4, Specs.WRITE_DENYOOM_FAST, "2.0.0",
            "Set the string value of a hash field",
            "O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called"
                    + " with multiple field/value pairs.",
            "key field value [field value ...]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ctx.reply().integer(HashWrites.setPairs(ctx, args, "hset"));
    }
}
