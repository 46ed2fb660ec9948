package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code RENAMENX key newkey}
 */
public final class RenameNxCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("renamenx");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RenameCore.execute(ctx, args, true);
    }
}
