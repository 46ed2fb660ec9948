package io.pyredis.commands.strings;

import io.pyredis.api.Command;
import io.pyredis.api.CommandContext;
import io.pyredis.api.CommandSpec;
import io.pyredis.support.Numbers;

/**
 * {@code INCRBY key increment}
 */
public final class IncrByCommand implements Command {

    private static final CommandSpec SPEC = StringsPack.METADATA.spec("incrby");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx, byte[][] args) {
        IncrDecrCore.incrBy(ctx, args[1], Numbers.parseLong(args[2]));
    }
}
