package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code INCR key}
 */
public final class IncrCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("incr");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        IncrDecrCore.incrBy(ctx, args[1], 1);
    }
}
