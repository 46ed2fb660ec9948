package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code EXPIREAT key unix-time-seconds [NX | XX | GT | LT]}
 */
public final class ExpireAtCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("expireat");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ExpireCore.execute(ctx, args, true, true, ExpireCore.INVALID_EXPIREAT);
    }
}
