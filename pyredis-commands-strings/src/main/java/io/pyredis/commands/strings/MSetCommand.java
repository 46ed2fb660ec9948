package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code MSET key value [key value ...]}
 */
public final class MSetCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("mset");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        MSetCore.mset(ctx, args, false);
    }
}
