package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code PEXPIRETIME key}
 */
public final class PExpireTimeCommand implements Command {

    private static final CommandSpec SPEC = Specs.oneKey("pexpiretime", 2, Specs.READONLY_FAST, "7.0.0",
            "Get the expiration Unix timestamp for a key in milliseconds", "key");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        TtlCore.execute(ctx, args[1], true, true);
    }
}
