package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]}
 */
public final class PExpireAtCommand implements Command {

    private static final CommandSpec SPEC = Specs.oneKey("pexpireat", -3, Specs.WRITE_FAST, "2.6.0",
            "Set the expiration for a key as a UNIX timestamp specified in milliseconds", "key unix-time-milliseconds [NX | XX | GT | LT]");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ExpireCore.execute(ctx, args, false, true, ExpireCore.INVALID_PEXPIREAT);
    }
}
