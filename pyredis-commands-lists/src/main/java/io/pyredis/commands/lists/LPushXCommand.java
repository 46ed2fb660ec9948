package io.pyredis.commands.lists;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code LPUSHX key element [element ...]}
 */
public final class LPushXCommand implements Command {

    private static final CommandSpec SPEC = ListsPack.METADATA.spec("lpushx");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        PushCore.push(ctx, args, true, true);
    }
}
