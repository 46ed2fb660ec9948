package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code RPOP key [count]}
 */
public final class RPopCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("rpop");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PopCore.pop(ctx, args, false, "rpop");
    }
}
