package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.api.KeySpec;

/**
 * {@code RENAMENX key newkey}
 */
public final class RenameNxCommand implements Command {

    private static final CommandSpec SPEC = Specs.of("renamenx", 3, Specs.WRITE_FAST, KeySpec.of(1, 2, 1),
            "1.0.0", "Rename a key, only if the new key does not exist", "O(1)", "key newkey");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RenameCore.execute(ctx, args, true);
    }
}
