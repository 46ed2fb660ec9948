package io.pyredis.commands.keys;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code RENAME key newkey}
 *
 * <p>The time to live goes with the value; an existing {@code newkey} is replaced, its own
 * time to live with it.
 */
public final class RenameCommand implements Command {

    private static final CommandSpec SPEC = KeysPack.METADATA.spec("rename");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        RenameCore.execute(ctx, args, false);
    }
}
