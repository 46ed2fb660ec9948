package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code TTL key}
 */
public final class TtlCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("ttl");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        TtlCore.execute(ctx, args[1], false, false);
    }
}
