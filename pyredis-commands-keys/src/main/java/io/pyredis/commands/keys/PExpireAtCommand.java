package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]}
 */
public final class PExpireAtCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("pexpireat");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ExpireCore.execute(ctx, args, false, true, ExpireCore.INVALID_PEXPIREAT);
    }
}
