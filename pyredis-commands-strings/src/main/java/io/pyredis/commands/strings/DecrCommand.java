package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;

/**
 * {@code DECR key}
 */
public final class DecrCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("decr");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        IncrDecrCore.incrBy(ctx, args[1], -1);
    }
}
