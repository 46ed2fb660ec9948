package io.pyredis.commands.hashes;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code HKEYS key}
 */
public final class HKeysCommand implements Command {

    private static final CommandSpec SPEC = HashesPack.METADATA.spec("hkeys");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        HashReads.replyAll(ctx, args[1], HashReads.FIELDS);
    }
}
