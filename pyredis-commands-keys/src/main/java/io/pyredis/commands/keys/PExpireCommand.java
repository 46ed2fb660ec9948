package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code PEXPIRE key milliseconds [NX | XX | GT | LT]}
 */
public final class PExpireCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("pexpire");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ExpireCore.execute(ctx, args, false, false, ExpireCore.INVALID_PEXPIRE);
    }
}
