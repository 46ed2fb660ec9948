package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code LPUSH key element [element ...]}
 */
public final class LPushCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("lpush");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PushCore.push(ctx, args, true, false);
    }
}
