package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code HVALS key}
 */
public final class HValsCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("hvals", 2, Specs.READONLY, "2.0.0",
            "Get all the values in a hash", "O(N) where N is the size of the hash.", "key");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        HashReads.replyAll(ctx, args[1], HashReads.VALUES);
    }
}
