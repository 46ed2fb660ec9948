package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code HVALS key}
 */
public final class HValsCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hvals");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        HashReads.replyAll(ctx, args[1], HashReads.VALUES);
    }
}
