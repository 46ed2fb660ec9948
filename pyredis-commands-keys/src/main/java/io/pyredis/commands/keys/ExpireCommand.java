package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code EXPIRE key seconds [NX | XX | GT | LT]}
 */
public final class ExpireCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("expire");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        ExpireCore.execute(ctx, args, true, false, ExpireCore.INVALID_EXPIRE);
    }
}
